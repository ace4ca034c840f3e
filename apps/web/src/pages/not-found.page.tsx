import { useT } from '../i18n/locale-context.js';
import { usePageTitle } from '../lib/page-title.js';
import { Link } from '../lib/router.js';

export function NotFoundPage() {
  const t = useT();
  usePageTitle(t.notFound.title);
  return (
    <div>
      <h1 tabIndex={-1}>{t.notFound.title}</h1>
      <p>{t.notFound.body}</p>
      <p>
        <Link to="/">{t.notFound.home}</Link>
      </p>
    </div>
  );
}
