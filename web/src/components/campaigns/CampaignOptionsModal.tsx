import { Button, Group, List, Modal, Radio, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { CampaignChannel, CampaignReach } from '../../api/campaigns.types.ts';
import type { TemplateSummary } from '../../api/templates.types.ts';
import { exclusionRows } from '../../lib/batch-labels.ts';
import { alternativeLabel, CHANNEL_INFO, reachHeadline, type CampaignFallback } from '../../lib/campaign-form.ts';

const SKIP = 'skip';

/**
 * "Campaign Options": how many of the query's customers the channel cannot reach and why, and the
 * choice to skip them or send them another channel (with a template for it) instead.
 */
export function CampaignOptionsModal({
  reach,
  templates,
  mainTemplate,
  sending,
  onSend,
  onClose,
}: {
  reach: CampaignReach;
  /** The store's active templates (any channel). */
  templates: readonly TemplateSummary[];
  /** The campaign's template: a fallback one must be filed under the same contact type (null: voice drops, any). */
  mainTemplate: TemplateSummary | null;
  sending: boolean;
  onSend: (fallback: CampaignFallback | null) => void;
  onClose: () => void;
}) {
  const [choice, setChoice] = useState<string>(SKIP);
  const [templateId, setTemplateId] = useState<string | null>(null);
  const info = CHANNEL_INFO[reach.channel];
  const fallbackChannel = choice === SKIP ? null : (choice as CampaignChannel);
  const fallbackTemplates = fallbackChannel
    ? templates.filter(
        (t) =>
          t.channel === fallbackChannel && t.active && (!mainTemplate || t.contactType === mainTemplate.contactType),
      )
    : [];
  const ready = fallbackChannel === null || templateId !== null;

  return (
    <Modal opened onClose={onClose} title="Campaign Options" centered size="lg">
      <Stack gap="sm">
        <Text fw={600} data-testid="reach-headline">
          {reachHeadline(reach)}.
        </Text>
        <List size="sm" aria-label="Why they cannot be reached">
          {exclusionRows(reach.unreachableByReason).map((r) => (
            <List.Item key={r.code}>
              {r.label}: {r.count}
            </List.Item>
          ))}
        </List>
        <Radio.Group
          label="What should happen to them?"
          value={choice}
          onChange={(v) => {
            setChoice(v);
            setTemplateId(null);
          }}
        >
          <Stack gap={6} mt={6}>
            <Radio value={SKIP} label={`Skip them: send ${info.many} only to the ${reach.reachable} who can get one`} />
            {reach.alternatives.map((a) => (
              <Radio key={a.channel} value={a.channel} label={alternativeLabel(a)} disabled={a.reachable === 0} />
            ))}
          </Stack>
        </Radio.Group>
        {fallbackChannel && (
          <Select
            label={`Template for the ${CHANNEL_INFO[fallbackChannel].many}`}
            withAsterisk={templateId === null}
            placeholder="Choose a template"
            data={fallbackTemplates.map((t) => ({ value: String(t.id), label: t.name }))}
            value={templateId}
            onChange={setTemplateId}
            nothingFoundMessage="No template"
            error={
              fallbackTemplates.length === 0
                ? `The store has no active ${CHANNEL_INFO[fallbackChannel].many} template${mainTemplate ? ` filed like "${mainTemplate.name}"` : ''}.`
                : undefined
            }
          />
        )}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            loading={sending}
            disabled={!ready}
            onClick={() =>
              onSend(
                fallbackChannel && templateId ? { channel: fallbackChannel, templateId: Number(templateId) } : null,
              )
            }
          >
            Send
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
