/* The share link of a plan: planner/#plan= + base64url (RFC 4648 §5, no padding)
   of the plan's UTF-8 JSON. The same format is written from Python
   (macros/planner.py plan_fragment), e.g. by programme pages' "open in planner" links:
   {"v":1,"title":"…","start":"09:00","target":210,"blocks":[
     {"type":"exercise","id":"listening-pairs","version":"full"},
     {"type":"exercise","id":"x","minutes":40}, {"type":"break","minutes":15},
     {"type":"custom","title":{"fi":"…","sv":"…"},"minutes":30,"note":"…"}]}
   Reading only decodes; lib/plan-model.js checks what the plan says. */

export const FRAGMENT_KEY = "plan";

function toBase64Url(bytes) {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 1) binary += String.fromCharCode(bytes[i]);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text) {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) throw new Error("not base64url");
  const padded = text.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((text.length + 3) % 4);
  const binary = atob(padded);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function encodePlan(plan) {
  return toBase64Url(new TextEncoder().encode(JSON.stringify(plan)));
}

/* The plan object in an encoded text; throws when it is not base64url, UTF-8 or JSON. */
export function decodePlan(encoded) {
  const text = new TextDecoder("utf-8", { fatal: true }).decode(fromBase64Url(encoded));
  return JSON.parse(text);
}

/* The encoded plan in a URL's hash ("#plan=…"), or null when the hash names none. */
export function planInHash(hash) {
  const match = /^#?plan=(.*)$/.exec(hash || "");
  return match ? match[1] : null;
}

export function planHash(plan) {
  return `#${FRAGMENT_KEY}=${encodePlan(plan)}`;
}
