import { Module } from "@medusajs/framework/utils"
import connectionLoader from "./loaders/connection"
import queuesAndWorkersLoader from "./loaders/queues-and-workers"
import AsyncFulfilmentModuleService from "./service"

export const ASYNC_FULFILMENT_MODULE = "asyncFulfilment"

export default Module(ASYNC_FULFILMENT_MODULE, {
  service: AsyncFulfilmentModuleService,
  loaders: [connectionLoader, queuesAndWorkersLoader],
})
