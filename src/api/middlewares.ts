import { defineMiddlewares } from "@medusajs/framework/http"
import { adminAsyncFulfilmentMiddlewares } from "./admin/async-fulfilment/middlewares"
import { storeAsyncFulfilmentMiddlewares } from "./store/middlewares"

export default defineMiddlewares({
  routes: [...adminAsyncFulfilmentMiddlewares, ...storeAsyncFulfilmentMiddlewares],
})
