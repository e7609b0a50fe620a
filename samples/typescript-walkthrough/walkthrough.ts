// A village's first month through the client generated from the OpenAPI document (api.d.ts):
// sign in, register a village, a rule and a household, award with an Idempotency-Key, read the
// balance, redeem at the points supermarket, and close last month. Type-checked by the test command
// (tsc --strict); run it against `./build.sh run` with `node --experimental-strip-types walkthrough.ts`.
import createClient from "openapi-fetch";
import type { paths } from "./api";

const baseUrl = "http://localhost:5080";
const api = createClient<paths>({ baseUrl });

function must<T>(answer: { data?: T; error?: unknown; response: Response }): T {
  if (answer.data === undefined) throw new Error(`${answer.response.status}: ${JSON.stringify(answer.error)}`);
  return answer.data;
}

async function signIn(role: string, scope: { villageId?: string; merchantId?: string } = {}) {
  const token = must(await api.POST("/api/auth/dev-token", { body: { role, ...scope } }));
  return { headers: { Authorization: `Bearer ${token.accessToken}` } };
}

const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const lastMonth = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 2, 15)).toISOString().slice(0, 10);

const admin = await signIn("admin");
const village = must(await api.POST("/api/villages", { ...admin, body: { code: `TS-${Date.now()}`, name: "东刁村", township: `演示街道${Date.now()}` } }));
// The cadre has a real account: opened by the admin, signed in with login and password.
const login = `cadre${Date.now()}`;
must(await api.POST("/api/staff", { ...admin, body: { login, displayName: "刘建国", role: "cadre", villageId: village.villageId, password: "Wuse2026jifen" } }));
const session = must(await api.POST("/api/auth/sign-in", { body: { login, password: "Wuse2026jifen" } }));
const cadre = { headers: { Authorization: `Bearer ${session.accessToken}` } };
const wrongPassword = await api.POST("/api/auth/sign-in", { body: { login, password: "not-the-password" } });
console.log("signed in; refresh token kept:", session.refreshToken.length > 0, "; a wrong password:", wrongPassword.response.status, wrongPassword.error?.code);
const approver = await signIn("approver", { villageId: village.villageId });

must(await api.POST("/api/villages/{villageId}/rules", {
  ...cadre, params: { path: { villageId: village.villageId } },
  body: { code: "O01", color: "orange", title: "孝老爱亲", points: 5 },
}));
const household = must(await api.POST("/api/villages/{villageId}/households", {
  ...cadre, params: { path: { villageId: village.villageId } },
  body: { householdNo: "0001", headName: "张三明", idNumber: "11010519491231002X" },
}));

const award = { householdId: household.householdId, ruleCode: "O01", occurredOn: today };
const first = must(await api.POST("/api/awards", { ...cadre, params: { header: { "Idempotency-Key": "walk-1" } }, body: award }));
const retried = await api.POST("/api/awards", { ...cadre, params: { header: { "Idempotency-Key": "walk-1" } }, body: award });
console.log(first.status, first.points, retried.response.headers.get("Idempotent-Replayed"));
must(await api.POST("/api/awards", { ...cadre, body: { ...award, occurredOn: lastMonth } }));

const balance = must(await api.GET("/api/households/{householdId}/balance", { ...cadre, params: { path: { householdId: household.householdId } } }));
console.log("available", balance.available.total, "earned", balance.earned.total);

const shop = must(await api.POST("/api/merchants", { ...admin, body: { name: "东刁村五色超市", kind: "supermarket", villageIds: [village.villageId] } }));
const offer = must(await api.POST("/api/merchants/{merchantId}/offers", {
  ...admin, params: { path: { merchantId: shop.merchantId } }, body: { title: "5 分抵 0.5 元", points: 5, cashValue: 0.5 },
}));
const clerk = await signIn("clerk", { merchantId: shop.merchantId });
const receipt = must(await api.POST("/api/redemptions", {
  ...clerk, params: { header: { "Idempotency-Key": "walk-2" } },
  body: { merchantId: shop.merchantId, offerId: offer.offerId, cardNo: household.cardNo, idLast6: "31002X" },
}));
console.log("receipt", receipt.receiptNo, "available after", receipt.availableAfter.total);

const notice = must(await api.POST("/api/villages/{villageId}/notices", {
  ...approver, params: { path: { villageId: village.villageId } }, body: { month: lastMonth.slice(0, 7) },
}));
console.log("closed", notice.month, notice.digest.slice(0, 16));
const refused = await api.POST("/api/awards", { ...cadre, body: { ...award, occurredOn: lastMonth } });
console.log("late award", refused.response.status, refused.error?.code);
