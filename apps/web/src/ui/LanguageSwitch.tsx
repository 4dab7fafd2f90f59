import { Button } from '@mantine/core';
import { useIntl } from 'react-intl';
import { useLocale } from '../i18n/I18nProvider';
import { LANGUAGE_NAMES, LOCALES } from '../i18n/locale';

/** Two toggle buttons: the code is what fits a phone's header, the language's own name is what a screen reader says. */
export function LanguageSwitch() {
  const intl = useIntl();
  const { locale, setLocale } = useLocale();
  return (
    <div role="group" aria-label={intl.formatMessage({ id: 'nav.language' })}>
      <Button.Group>
        {LOCALES.map((value) => (
          <Button
            key={value}
            size="compact-sm"
            variant={value === locale ? 'filled' : 'default'}
            aria-pressed={value === locale}
            aria-label={LANGUAGE_NAMES[value]}
            lang={value}
            onClick={() => setLocale(value)}
          >
            {value.toUpperCase()}
          </Button>
        ))}
      </Button.Group>
    </div>
  );
}
