import { Injectable } from '@nestjs/common';
import type { AttachmentRef } from './notification.entity';

export type AttachmentRenderer = (id: string) => Promise<Buffer>;

/** Renderers of referenced attachments, registered by the domain that owns the document (billing: invoice PDFs). */
@Injectable()
export class AttachmentRenderers {
  private readonly renderers = new Map<string, AttachmentRenderer>();

  register(kind: string, renderer: AttachmentRenderer): void {
    this.renderers.set(kind, renderer);
  }

  render(ref: AttachmentRef): Promise<Buffer> {
    const renderer = this.renderers.get(ref.kind);
    if (!renderer) throw new Error(`No renderer for attachments of kind "${ref.kind}"`);
    return renderer(ref.id);
  }
}
