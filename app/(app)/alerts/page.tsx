import type { Metadata } from "next";
import { CHANNEL_KIND_NAMES, CHANNEL_KINDS } from "@/lib/alerts/channel-kinds";
import { listAlertChannels } from "@/lib/alerts/list-alert-channels";
import { listAlertIncidents } from "@/lib/alerts/list-alert-incidents";
import { listAlertRules } from "@/lib/alerts/list-alert-rules";
import { RULE_KIND_EXAMPLES } from "@/lib/alerts/rule-kind-examples";
import { requirePagePermission } from "@/lib/auth/require-page-permission";
import { can } from "@/lib/auth/permissions";
import { listCredentials } from "@/lib/credentials/list-credentials";
import { AlertIncidentsTable } from "@/components/alerts/alert-incidents-table";
import { AlertRuleActions } from "@/components/alerts/alert-rule-actions";
import { AlertRuleForm } from "@/components/alerts/alert-rule-form";
import { ConfirmActionForm } from "@/components/forms/confirm-action-form";
import { CreateAlertChannelForm } from "@/components/alerts/create-alert-channel-form";
import { TestAlertButton } from "@/components/alerts/test-alert-button";
import { Card } from "@/components/ui/card";
import { Cell, DataTable } from "@/components/ui/data-table";
import { DateTime } from "@/components/ui/date-time";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/status-badge";
import {
  createAlertChannelAction,
  createAlertRuleAction,
  deleteAlertChannelAction,
  deleteAlertRuleAction,
  sendTestAlertAction,
  setAlertRuleEnabledAction,
  updateAlertRuleAction,
} from "./actions";

const REFUSED = "Only admins manage alert rules and channels";
const RULE_ACTIONS = { update: updateAlertRuleAction, setEnabled: setAlertRuleEnabledAction, remove: deleteAlertRuleAction };

export const metadata: Metadata = { title: "Alerts · Flowgate" };
export const dynamic = "force-dynamic";

export default async function AlertsPage() {
  const actor = await requirePagePermission("alerts.read");
  const manage = can(actor.role, "alerts.manage");
  const refused = manage ? undefined : REFUSED;
  const [rules, channels, incidents, credentials] = await Promise.all([
    listAlertRules(),
    listAlertChannels(),
    listAlertIncidents({ limit: 50 }),
    // Only the channel form (admins) picks credentials; names and types are all it gets.
    manage ? listCredentials({ environment: "production" }) : [],
  ]);
  const channelName = new Map(channels.map((c) => [c.id, c.name]));
  const channelChoices = channels.map(({ id, name }) => ({ id, name }));
  const usedBy = (channelId: string) => rules.filter((rule) => rule.channelIds.includes(channelId)).map((rule) => rule.name);
  return (
    <>
      <PageHeader title="Alerts" description="Rules are checked every minute. A firing rule notifies its channels once, repeats while it lasts, and says when it is resolved." />
      <section className="mb-8 space-y-3" aria-label="Rules">
        <h2 className="text-lg font-semibold">Rules</h2>
        <DataTable columns={["Name", "Kind", "State", "Params", "Scope", "Channels", "Repeat", ""]}>
          {rules.map((rule) => (
            <tr key={rule.id} className="text-sm">
              <Cell>{rule.name}</Cell>
              <Cell>{rule.kind}</Cell>
              <Cell title={rule.openIncident?.summary}>
                <StatusBadge status={rule.enabled ? rule.state : "disabled"} />
              </Cell>
              <Cell className="font-mono text-xs">{JSON.stringify(rule.params)}</Cell>
              <Cell className="text-xs">{[rule.flowId && `flow ${rule.flowId}`, rule.connectorKey && `connector ${rule.connectorKey}`].filter(Boolean).join(", ") || "all"}</Cell>
              <Cell className="text-xs">{rule.channelIds.map((id) => channelName.get(id) ?? "(deleted)").join(", ")}</Cell>
              <Cell>{rule.repeatMinutes} min</Cell>
              <Cell>
                <AlertRuleActions rule={rule} kinds={RULE_KIND_EXAMPLES} channels={channelChoices} actions={RULE_ACTIONS} refused={refused} />
              </Cell>
            </tr>
          ))}
        </DataTable>
        {manage ? (
          <Card className="p-4">
            <AlertRuleForm action={createAlertRuleAction} kinds={RULE_KIND_EXAMPLES} channels={channelChoices} />
          </Card>
        ) : null}
      </section>
      <section className="mb-8 space-y-3" aria-label="Channels">
        <h2 className="text-lg font-semibold">Channels</h2>
        <DataTable columns={["Name", "Kind", "Credential", "Last message", ""]}>
          {channels.map((channel) => {
            const last = channel.notifications[0];
            return (
              <tr key={channel.id} className="text-sm">
                <Cell>{channel.name}</Cell>
                <Cell>{channel.kind}</Cell>
                <Cell>{channel.credentialRef}</Cell>
                <Cell className="text-xs">{last ? <>{last.kind} · {last.ok ? "sent" : `failed (${last.error})`} · <DateTime value={last.sentAt} /></> : "—"}</Cell>
                <Cell>
                  <div className="flex flex-wrap items-start gap-2">
                    <TestAlertButton channelId={channel.id} action={sendTestAlertAction} refused={refused} />
                    <ConfirmActionForm
                      action={deleteAlertChannelAction}
                      target={{ channelId: channel.id }}
                      label="Delete channel"
                      button="Delete channel"
                      question={<ChannelDeleteQuestion name={channel.name} rules={usedBy(channel.id)} />}
                      refused={refused}
                    />
                  </div>
                </Cell>
              </tr>
            );
          })}
        </DataTable>
        {manage ? (
          <Card className="p-4">
            <CreateAlertChannelForm
              action={createAlertChannelAction}
              kinds={CHANNEL_KIND_NAMES.map((kind) => ({ kind, label: CHANNEL_KINDS[kind].label, credentialType: CHANNEL_KINDS[kind].credentialType }))}
              credentials={credentials.map(({ name, type }) => ({ name, type }))}
            />
          </Card>
        ) : null}
      </section>
      <section className="space-y-3" aria-label="History">
        <h2 className="text-lg font-semibold">History</h2>
        <AlertIncidentsTable incidents={incidents} />
      </section>
    </>
  );
}

/** Warns before the click that the server will refuse while rules still name the channel. */
function ChannelDeleteQuestion({ name, rules }: { name: string; rules: string[] }) {
  if (rules.length === 0) return <>Delete the channel <strong>{name}</strong> and its message history?</>;
  return (
    <>
      <strong>{name}</strong> is used by {rules.join(", ")}: remove it from those rules first, or deleting is refused.
    </>
  );
}
