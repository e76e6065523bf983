import { maskIdNumber, maskPhone, normalisePhone } from '@fq/domain';
import { type IntakeRequest, placeOf } from '../intake/intake-request';
import type { AlertCase, ExternalRequest, HotlineCall, OpinionItem, PatrolReport, Petition, WebReport } from './channel.schemas';
import type { OpinionAlert } from './opinion-alert';

/** A title from the first clause of a text when the channel gives none (at most 30 characters). */
export function titleFrom(text: string): string {
  const first = text.split(/[。！？!?\n；;]/)[0].trim() || text.trim();
  return first.length > 30 ? `${first.slice(0, 29)}…` : first.length >= 2 ? first : `${first}（无标题）`;
}

const overrides = (b: { category?: string; urgency?: IntakeRequest['urgency']; size?: IntakeRequest['size']; reportUpward?: boolean; separate?: boolean }) => ({
  categoryCode: b.category,
  urgency: b.urgency,
  size: b.size,
  reportUpward: b.reportUpward,
  separate: b.separate,
});

export function fromHotline(b: HotlineCall): IntakeRequest {
  return {
    channel: 'hotline',
    title: b.title ?? titleFrom(b.text),
    description: b.text,
    ...overrides(b),
    ...placeOf(b.location),
    requester: { name: b.caller.name, phone: b.caller.phone, phoneVerified: b.caller.callerId },
    outcome: b.outcome,
  };
}

export function fromWeb(b: WebReport): IntakeRequest {
  return {
    channel: 'web',
    title: b.title ?? titleFrom(b.text),
    description: b.text,
    ...placeOf(b.location),
    // Typed into a form: nobody has checked the number yet.
    requester: { name: b.contact.name, phone: b.contact.phone, phoneVerified: false },
    attachments: b.attachments,
    details: b.qr ? { qr: b.qr } : undefined,
  };
}

export function fromPetition(b: Petition): IntakeRequest {
  const [main, ...others] = b.petitioners;
  return {
    channel: 'petition',
    title: b.title,
    description: `${b.matter}\n诉求：${b.demands}`,
    ...overrides(b),
    ...placeOf(b.location),
    // The window checks the ID card: the petitioner is who they say.
    requester: { name: main.name, phone: main.phone, phoneVerified: true, idNumber: main.idNumber },
    coRequesters: others.map((p) => ({ name: p.name, phone: p.phone, phoneVerified: true, idNumber: p.idNumber })),
    attachments: b.attachments,
    peopleCount: b.visitorCount,
    outcome: b.outcome,
    details: {
      petition: {
        form: b.form,
        visitorCount: b.visitorCount,
        collective: b.visitorCount >= 5,
        demands: b.demands,
        raisedBefore: b.raisedBefore,
        // ID and phone numbers only masked here: sealed in each petitioner's file.
        petitioners: b.petitioners.map((p) => ({ name: p.name, address: p.address, phone: maskPhone(normalisePhone(p.phone)), idNumber: maskIdNumber(p.idNumber.toUpperCase()) })),
      },
    },
  };
}

export function fromPatrol(b: PatrolReport, reporter: { login: string; unitCode: string }): IntakeRequest {
  return {
    channel: 'grid',
    title: b.title ?? titleFrom(b.text),
    description: b.text,
    ...overrides(b),
    location: b.location,
    requester: null,
    attachments: b.attachments,
    outcome: b.solvedOnSpot ? { kind: 'answered', reason: `网格员随手解决：${b.solvedOnSpot}` } : undefined,
    details: { patrol: { reporter: reporter.login, reporterUnit: reporter.unitCode } },
  };
}

export function fromOpinion(b: OpinionItem): IntakeRequest {
  return {
    channel: 'opinion',
    title: b.title,
    description: b.text,
    ...overrides(b),
    location: b.location ?? null,
    requester: null,
    details: { opinion: { source: b.source, link: b.link, publishedAt: b.publishedAt ?? null, reach: b.reach ?? null } },
    external: { source: `opinion:${b.source}`, id: b.link },
  };
}

/** An opinion alert a dispatcher converts: their category and place, the alert's words unless they rewrote them, its link kept. */
export function fromAlert(a: OpinionAlert, b: AlertCase): IntakeRequest {
  return {
    channel: 'opinion',
    title: b.title ?? a.title,
    description: b.description ?? a.text,
    ...overrides(b),
    reportUpward: b.reportUpward ?? a.reportUpward,
    ...placeOf(b.location),
    requester: null,
    details: { opinion: { source: a.source, link: a.link, publishedAt: a.publishedAt?.toISOString() ?? null, reach: a.reach, alertId: a.id } },
  };
}

export function fromExternal(b: ExternalRequest): IntakeRequest {
  return {
    channel: 'external',
    title: b.title,
    description: b.description,
    categoryCode: b.category,
    urgency: b.urgency,
    ...placeOf(b.location),
    requester: b.requester ?? null,
    details: { external: { source: b.source, externalId: b.externalId } },
    external: { source: b.source, id: b.externalId },
  };
}
