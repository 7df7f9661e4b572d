import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { prepareTestEnv } from "../helpers/test-env"
import { createAdminAuthHeaders } from "../helpers/admin-token"

// Medusa's RBAC is a feature flag, read when the store boots
process.env.MEDUSA_FF_RBAC = "true"
prepareTestEnv("rbac")
jest.setTimeout(120_000)

const BASE = "/admin/async-fulfilment"
const READ = ["async_fulfilment_job:read", "async_fulfilment_review:read"]
const CHANGE = ["async_fulfilment_job:update", "async_fulfilment_review:update"]

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    /** An admin whose one role holds these policies (by key). */
    const adminWith = async (keys: string[]) => {
      const rbac = getContainer().resolve(Modules.RBAC) as any
      let policies = await rbac.listRbacPolicies({ key: keys })
      if (policies.length < keys.length) {
        // the database is restored before each test: sync what the plugin declares again
        await rbac.syncRegisteredPolicies()
        policies = await rbac.listRbacPolicies({ key: keys })
      }
      expect(policies.map((policy: any) => policy.key).sort()).toEqual([...keys].sort())
      const role = await rbac.createRbacRoles({ name: `role-${keys.join("+")}-${Date.now()}` })
      await rbac.createRbacRolePolicies(policies.map((policy: any) => ({ role_id: role.id, policy_id: policy.id })))
      return createAdminAuthHeaders(getContainer(), { roles: [role.id] })
    }
    const statusOf = (request: Promise<any>) => request.then((r) => r.status, (e) => e.response.status)

    it("gives an operator with the read policies the jobs, reviews, stats and metrics, and no retry, discard or decision", async () => {
      const operator = await adminWith(READ)
      const reads = await Promise.all(
        [`${BASE}/jobs`, `${BASE}/reviews`, `${BASE}/stats`, `${BASE}/metrics`].map((url) => statusOf(api.get(url, operator)))
      )
      expect(reads).toEqual([200, 200, 200, 200])
      const writes = await Promise.all(
        [
          [`${BASE}/jobs/retry`, { all: true }],
          [`${BASE}/jobs/afjob_x/retry`, {}],
          [`${BASE}/jobs/afjob_x/discard`, {}],
          [`${BASE}/reviews/afrr_x/approve`, {}],
          [`${BASE}/reviews/afrr_x/reject`, {}],
        ].map(([url, body]) => api.post(url as string, body, operator).catch((e: any) => e.response))
      )
      expect(writes.map((response) => response.status)).toEqual([403, 403, 403, 403, 403])
      expect(writes[0].data.message).toContain("async_fulfilment_job:update")
    })

    it("lets a role with the update policies act, and refuses an admin without a role", async () => {
      const manager = await adminWith([...READ, ...CHANGE])
      expect((await api.post(`${BASE}/jobs/retry`, { all: true }, manager)).data).toMatchObject({ retried: 0 })
      // past the policy check to the route itself: the unknown ids answer 404
      expect(await statusOf(api.post(`${BASE}/jobs/afjob_x/retry`, {}, manager))).toBe(404)
      expect(await statusOf(api.post(`${BASE}/reviews/afrr_x/approve`, {}, manager))).toBe(404)

      const jobsOnly = await adminWith(["async_fulfilment_job:read"])
      expect(await statusOf(api.get(`${BASE}/jobs`, jobsOnly))).toBe(200)
      expect(await statusOf(api.get(`${BASE}/reviews`, jobsOnly))).toBe(403)

      const nobody = await createAdminAuthHeaders(getContainer())
      expect(await statusOf(api.get(`${BASE}/jobs`, nobody))).toBe(403)
    })
  },
})
