import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, generateJwtToken, Modules } from "@medusajs/framework/utils"

/**
 * Creates an admin user and returns the Authorization header an admin session would send.
 * `roles`: RBAC role ids the token carries (Medusa reads them from `app_metadata.roles`).
 */
export async function createAdminAuthHeaders(container: MedusaContainer, { roles }: { roles?: string[] } = {}) {
  const userModule = container.resolve(Modules.USER)
  const authModule = container.resolve(Modules.AUTH)
  const config = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  const user = await userModule.createUsers({ email: `admin-${Date.now()}@store.test` })
  const authIdentity = await authModule.createAuthIdentities({
    provider_identities: [{ provider: "emailpass", entity_id: user.email }],
    app_metadata: { user_id: user.id, ...(roles ? { roles } : {}) },
  })
  const { jwtSecret, jwtOptions } = config.projectConfig.http
  const token = generateJwtToken(
    {
      actor_id: user.id,
      actor_type: "user",
      auth_identity_id: authIdentity.id,
      app_metadata: { user_id: user.id, ...(roles ? { roles } : {}) },
    },
    { secret: jwtSecret as string, expiresIn: "1d", jwtOptions }
  )
  return { headers: { authorization: `Bearer ${token}` } }
}
