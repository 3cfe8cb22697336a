import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A document attached to an agreement; `content` is read only when the document itself is asked for. */
@Entity({ name: 'documents' })
export class AgreementDocument {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'agreement_id', type: 'uuid' })
  agreementId: string;

  @Column('text')
  name: string;

  @Column({ name: 'mime_type', type: 'text' })
  mimeType: string;

  @Column('int')
  size: number;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ type: 'bytea', select: false })
  content: Buffer;

  @Column({ name: 'uploaded_by', type: 'text' })
  uploadedBy: string;

  @Column({ name: 'uploaded_at', type: 'timestamptz' })
  uploadedAt: Date;
}
