/** The benchmarks' calls to a running API. */
export async function post(url: string, token: string, body: unknown) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  const json = await response.json();
  if (!response.ok) throw new Error(`${url}: ${response.status} ${JSON.stringify(json)}`);
  return json as { id: string };
}

/** Waits until `url` answers 2xx, polling every 200 ms, `attempts` times at most. */
export async function waitForHealth(url: string, attempts = 100): Promise<void> {
  for (let i = 0; i < attempts; i++) {
    const ok = await fetch(url)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer`);
}
