import { defineMiddlewares } from "@medusajs/framework/http"
import { adminAsyncFulfilmentMiddlewares } from "./admin/async-fulfilment/middlewares"

export default defineMiddlewares({
  routes: [...adminAsyncFulfilmentMiddlewares],
})
