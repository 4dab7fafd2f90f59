import { createTheme, type CSSVariablesResolver } from '@mantine/core';

/** Shade 8 of the primary colour: Mantine's default shade 6 fails WCAG AA contrast on white (4.32:1). */
export const theme = createTheme({ primaryColor: 'indigo', primaryShade: 8, defaultRadius: 'sm' });

/** Secondary text (field descriptions, captions) in gray 7: Mantine's gray 6 reaches only 3.3:1 on white. */
export const cssVariables: CSSVariablesResolver = () => ({ variables: {}, light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' }, dark: {} });
