// The official TypeScript SDK's client runs a campaign from a brief to scheduled posts, as an assistant would, for
// McpNodeClientsTests: it lists the tools, creates the campaign from the brief, starts its planning and schedules its
// posts, each change first as a dry run (checking that the dry run changed nothing) and then confirmed with the token
// the dry run answered; then it lists the posts and reads what the campaign's approvals still wait for. It prints what it saw as one JSON document, for the Java test to
// check against the database. Usage: node launch.mjs <url> <bearer secret> <plan as JSON>, the plan being
// {"brief": {create_campaign's arguments}, "accountId": "...", "posts": [{"title", "text", "at"}, ...]}.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

const [url, token, planJson] = process.argv.slice(2);
const plan = JSON.parse(planJson);
const transport = new StreamableHTTPClientTransport(new URL(url), {
  requestInit: { headers: { Authorization: `Bearer ${token}` } },
});
const client = new Client({ name: "flightdeck-launch", version: "1.0.0" });
await client.connect(transport);

function fail(message) {
  throw new Error(message);
}

/** A call that must go through; callTool checks structuredContent against the tool's output schema. */
async function call(name, args) {
  const result = await client.callTool({ name, arguments: args });
  if (result.isError) {
    fail(`${name} was refused: ${result.content?.[0]?.text}`);
  }
  if (!result.structuredContent) {
    fail(`${name} answered no structured content`);
  }
  return result.structuredContent;
}

/** A write as the server wants it: a dry run, a check that it changed nothing, then the confirmed call. */
async function write(name, args, unchanged) {
  const before = await unchanged();
  const preview = await call(name, { ...args, dryRun: true });
  if (preview.dryRun !== true || typeof preview.confirmation !== "string") {
    fail(`${name}'s dry run answered no confirmation: ${JSON.stringify(preview)}`);
  }
  const afterPreview = await unchanged();
  if (JSON.stringify(afterPreview) !== JSON.stringify(before)) {
    fail(`${name}'s dry run changed something: ${JSON.stringify(before)} became ${JSON.stringify(afterPreview)}`);
  }
  const done = await call(name, { ...args, confirmation: preview.confirmation });
  steps.push({
    tool: name,
    previewed: { dryRun: preview.dryRun, changedFields: preview.changes.map((c) => c.field), after: preview.after },
    unchangedByDryRun: afterPreview,
    confirmed: { dryRun: done.dryRun, replayed: done.replayed, after: done.after },
  });
  return done.after;
}

const steps = [];
const tools = (await client.listTools()).tools;

// an assistant that skips the preview is told to dry run first
const skipped = await client.callTool({ name: "create_campaign", arguments: plan.brief });

const campaignsNamed = async () =>
  (await call("list_campaigns", { q: plan.brief.name })).items.map((c) => ({ id: c.id, status: c.status }));
const campaign = await write("create_campaign", plan.brief, campaignsNamed);
const status = async () => (await call("get_campaign", { id: campaign.id })).status;
await write("move_campaign", { id: campaign.id, move: "PLAN" }, status);

const postsOfCampaign = async () =>
  (await call("list_posts", { campaignId: campaign.id, size: 20 })).items.map((p) => p.id).sort();
const scheduled = [];
for (const post of plan.posts) {
  scheduled.push(await write("schedule_post", {
    campaignId: campaign.id, accountId: plan.accountId, title: post.title, text: post.text, at: post.at,
  }, postsOfCampaign));
}

const listed = await call("list_posts", { campaignId: campaign.id, size: 20 });
const posts = [];
for (const p of listed.items) {
  const post = await call("get_post", { postId: p.id });
  posts.push({
    id: post.id, title: post.title, status: post.status,
    channels: post.channels.map((c) => ({
      accountId: c.accountId, text: c.text, scheduledAt: c.scheduledAt, status: c.status,
      blockers: c.blockers.map((b) => b.key),
    })),
  });
}

// nothing goes out before people approve: the campaign's readiness says what its approvals still wait for
const readiness = await call("get_campaign_readiness", { id: campaign.id });

console.log(JSON.stringify({
  protocolVersion: transport.protocolVersion ?? null,
  server: client.getServerVersion(),
  tools: tools.map((t) => ({ name: t.name, readOnly: t.annotations?.readOnlyHint ?? null,
    hasOutputSchema: !!t.outputSchema })),
  skippedPreview: { isError: skipped.isError ?? false, text: skipped.content?.[0]?.text ?? null },
  steps,
  campaign: { id: campaign.id, name: campaign.name, status: await status() },
  scheduled: scheduled.map((p) => p.id),
  listed: { total: listed.total },
  posts,
  approvals: readiness.items.filter((i) => i.key.startsWith("approvals."))
    .map((i) => ({ key: i.key, done: i.done, blocking: i.blocking, reason: i.reason })),
}));
await client.close();
