/** `fetch`, then the JSON body; an answer other than 2xx throws with what was asked and what came back. */
export async function fetchJson(url: string, init: RequestInit = {}, what = `${init.method ?? "GET"} ${url}`): Promise<any> {
  const response = await fetch(url, init)
  const json = await response.json().catch(() => null)
  if (!response.ok) {
    throw new Error(`${what} answered ${response.status}: ${JSON.stringify(json)}`)
  }
  return json
}
