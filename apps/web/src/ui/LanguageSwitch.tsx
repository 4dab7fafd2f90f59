import { SegmentedControl } from '@mantine/core';
import { useIntl } from 'react-intl';
import { useLocale } from '../i18n/I18nProvider';
import { LANGUAGE_NAMES, LOCALES, type Locale } from '../i18n/locale';

export function LanguageSwitch() {
  const intl = useIntl();
  const { locale, setLocale } = useLocale();
  return (
    <div role="group" aria-label={intl.formatMessage({ id: 'nav.language' })}>
      <SegmentedControl
        size="xs"
        value={locale}
        onChange={(value) => setLocale(value as Locale)}
        data={LOCALES.map((value) => ({ value, label: <span lang={value}>{LANGUAGE_NAMES[value]}</span> }))}
      />
    </div>
  );
}
