import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { Agreement } from './agreement.entity';

/** A document attached to an agreement; `content` is read only when the document itself is asked for. */
@Entity({ name: 'documents' })
@Index('documents_agreement', ['agreementId', 'uploadedAt'])
export class AgreementDocument {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'agreement_id', type: 'uuid' })
  @ForeignKey(() => Agreement, { name: 'documents_agreement_id_fkey' })
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

  @Column({ name: 'uploaded_at', type: 'timestamptz', default: () => 'now()' })
  uploadedAt: Date;
}
