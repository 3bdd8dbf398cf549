// A campaign's round trip through a client generated from Flightdeck's OpenAPI document (openapi-typescript's types,
// openapi-fetch's calls), run by GeneratedClientTests: if the document and the API disagree, this fails to compile
// (a field or operation the code uses is missing from the schema) or fails at run time (an answer is not what the
// document says). BASE_URL and TOKEN come from the test.
import createClient from "openapi-fetch";
import type { paths } from "./generated/api.js";

const baseUrl = process.env.BASE_URL!;
const client = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${process.env.TOKEN}` } });

function check(condition: boolean, what: string): void {
  if (!condition) {
    throw new Error(what);
  }
}

const name = `Generated client ${Date.now()}`;
const created = await client.POST("/api/v1/campaigns", {
  body: {
    name,
    description: "Made by a client generated from the OpenAPI document",
    type: "PRODUCT_LAUNCH",
    priority: "HIGH",
    channels: ["EMAIL", "LINKEDIN"],
    tags: ["generated"],
    startDate: "2031-03-01",
    endDate: "2031-04-30",
    budget: { amount: 1200.5, currency: "EUR" },
  },
});
check(created.response.status === 201 && created.data !== undefined, `create answered ${created.response.status}`);
const campaign = created.data!;
check(campaign.name === name && campaign.status === "DRAFT", `created ${JSON.stringify(campaign)}`);

const read = await client.GET("/api/v1/campaigns/{id}", { params: { path: { id: campaign.id } } });
check(read.data?.id === campaign.id && read.data?.budget?.currency === "EUR", `read ${JSON.stringify(read.data)}`);
const etag = read.response.headers.get("ETag");
check(etag !== null, "no ETag on read");

const updated = await client.PUT("/api/v1/campaigns/{id}", {
  params: { path: { id: campaign.id }, header: { "If-Match": etag! } },
  body: {
    name: `${name} (renamed)`,
    description: read.data!.description ?? "",
    type: read.data!.type,
    priority: "MEDIUM",
    channels: read.data!.channels,
    tags: read.data!.tags,
    startDate: read.data!.startDate,
    endDate: read.data!.endDate,
    budget: read.data!.budget,
  },
});
check(updated.data?.name === `${name} (renamed)` && updated.data?.priority === "MEDIUM",
    `update answered ${updated.response.status} ${JSON.stringify(updated.error ?? updated.data)}`);

const planned = await client.POST("/api/v1/campaigns/{id}/plan", { params: { path: { id: campaign.id } } });
check(planned.data?.status === "PLANNING", `plan answered ${planned.response.status}`);

const listed = await client.GET("/api/v1/campaigns", { params: { query: { q: name, size: 10 } } });
check(listed.data?.items.some((item) => item.id === campaign.id) === true, `list ${JSON.stringify(listed.data)}`);

const refused = await client.POST("/api/v1/campaigns/{id}/launch", {
  params: { path: { id: campaign.id } },
  body: { force: false },
});
check(refused.response.status === 409 && refused.error !== undefined, `launch from planning answered ${refused.response.status}`);
check(refused.error!.status === 409 && typeof refused.error!.title === "string", `problem ${JSON.stringify(refused.error)}`);

const trashed = await client.DELETE("/api/v1/campaigns/{id}", { params: { path: { id: campaign.id } } });
check(trashed.response.status === 204, `delete answered ${trashed.response.status}`);
const missing = await client.GET("/api/v1/campaigns/{id}", { params: { path: { id: campaign.id } } });
check(missing.response.status === 404 && missing.error?.status === 404, `read after delete answered ${missing.response.status}`);
const restored = await client.POST("/api/v1/campaigns/{id}/restore", { params: { path: { id: campaign.id } } });
check(restored.data?.id === campaign.id, `restore answered ${restored.response.status}`);

console.log(`round trip of campaign ${campaign.id}: created, read, updated, planned, listed, refused, trashed, restored`);
