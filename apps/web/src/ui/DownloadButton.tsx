import { Button, type ButtonProps } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { downloadFile } from '../api/download';
import { ApiError } from '../api/errors';

/** A button that saves a private file; the API's refusal (e.g. "pay the licence first") is shown, not swallowed. */
export function DownloadButton({ path, fileName, children, ...props }: { path: string; fileName: string; children: ReactNode } & ButtonProps) {
  const intl = useIntl();
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    try {
      await downloadFile(path, fileName);
    } catch (error) {
      notifications.show({ color: 'red', message: error instanceof ApiError ? error.message : intl.formatMessage({ id: 'form.unreachable' }) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button variant="default" size="xs" loading={busy} onClick={() => void save()} {...props}>
      {children}
    </Button>
  );
}
