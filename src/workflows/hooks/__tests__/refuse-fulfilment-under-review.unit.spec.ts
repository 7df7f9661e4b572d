const mockRegister = jest.fn()
jest.mock("@medusajs/medusa/core-flows", () => ({
  createOrderFulfillmentWorkflow: { hooks: { fulfillmentCreated: (handler: unknown) => mockRegister(handler) } },
}))

const loadHookFile = () => {
  let handler: unknown
  jest.isolateModules(() => {
    require("../refuse-fulfilment-under-review")
    handler = require("../../risk/refuse-held-fulfilment").refuseHeldFulfilment
  })
  return handler
}

describe("the fulfilmentCreated hook registration", () => {
  afterEach(() => {
    delete process.env.ASYNC_FULFILMENT_FULFILMENT_HOOK
    mockRegister.mockReset()
  })

  it("consumes createOrderFulfillmentWorkflow's fulfillmentCreated hook with the hold check", () => {
    const handler = loadHookFile()
    expect(mockRegister).toHaveBeenCalledTimes(1)
    expect(mockRegister).toHaveBeenCalledWith(handler)
  })

  it("leaves the hook to the store with ASYNC_FULFILMENT_FULFILMENT_HOOK=off", () => {
    process.env.ASYNC_FULFILMENT_FULFILMENT_HOOK = "off"
    loadHookFile()
    expect(mockRegister).not.toHaveBeenCalled()
  })
})
