import type { WindowView } from '@mimamoru/core';
import { useT } from '../i18n/locale-context.js';
import { telHref } from '../lib/format.js';
import { Link } from '../lib/router.js';

type ViewChannel = WindowView['channels'][number];

const isWebUrl = (value: string): boolean => /^https:\/\//i.test(value) || /^http:\/\//i.test(value);

/** Where a channel leads: tel:, mailto:, LINE or an http(s) page. Anything else is shown as text only. */
function channelHref(channel: ViewChannel): { href: string; external: boolean; internal?: boolean } | null {
  // A page of this site, such as mimamoru's own consultation form ('/consult').
  if (/^\/(?!\/)/.test(channel.value)) return { href: channel.value, external: false, internal: true };
  switch (channel.type) {
    case 'phone':
      return { href: telHref(channel.value), external: false };
    case 'email':
      return /^[^\s@]+@[^\s@]+$/.test(channel.value)
        ? { href: `mailto:${channel.value}`, external: false }
        : null;
    case 'line':
      if (isWebUrl(channel.value)) return { href: channel.value, external: true };
      return { href: `https://line.me/R/ti/p/${encodeURIComponent(channel.value)}`, external: true };
    default:
      return isWebUrl(channel.value) ? { href: channel.value, external: true } : null;
  }
}

/** A tappable link for one contact channel, named by its label and (for phones) its number. */
export function ChannelLink({
  channel,
  large = false,
}: {
  readonly channel: ViewChannel;
  readonly large?: boolean;
}) {
  const t = useT();
  const target = channelHref(channel);
  const showValue = channel.type === 'phone' || channel.type === 'email' || channel.type === 'line';
  const content = (
    <>
      <span className="channel-label">{channel.label}</span>
      {showValue ? <span className="channel-value">{channel.value}</span> : null}
      {channel.tollFree ? <span className="channel-free">{t.windows.tollFree}</span> : null}
    </>
  );
  const className = `channel-link channel-${channel.type}${large ? ' channel-link-large' : ''}`;
  if (!target) return <span className={className}>{content}</span>;
  if (target.internal)
    return (
      <Link className={className} to={target.href}>
        {content}
      </Link>
    );
  return target.external ? (
    <a className={className} href={target.href} target="_blank" rel="noopener noreferrer">
      {content}
      <span className="visually-hidden"> {t.common.opensInNewTab}</span>
    </a>
  ) : (
    <a className={className} href={target.href}>
      {content}
    </a>
  );
}
