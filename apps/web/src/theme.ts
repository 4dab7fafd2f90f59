import { createTheme } from '@mantine/core';

/** Shade 8 of the primary colour: Mantine's default shade 6 fails WCAG AA contrast on white (4.32:1). */
export const theme = createTheme({ primaryColor: 'indigo', primaryShade: 8, defaultRadius: 'sm' });
