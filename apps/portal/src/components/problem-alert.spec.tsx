/**
 * @jest-environment jsdom
 */
import { describe, expect, it } from '@jest/globals';
import { render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../i18n';
import { ProblemAlert } from './messages';

describe('a refusal shown away from the form fields', () => {
  it('names each field and says what is wrong with it, not only "some fields need attention"', () => {
    const problem = {
      code: 'workflow.not_allowed',
      detail: 'Not allowed',
      status: 422,
      errors: [
        {
          path: 'input.stages.3.agency',
          code: 'agency_not_on_campaign',
          message: 'hcmc-info is not an agency of this campaign',
        },
        { path: 'input.stages', code: 'legal_required', message: 'Keep a legal stage' },
        { path: 'input.somethingElse', code: 'too_big', message: 'Too big' },
      ],
    };
    render(
      <I18nextProvider i18n={createI18n('vi')}>
        <ProblemAlert problem={problem} />
      </I18nextProvider>,
    );
    const items = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual([
      'Cơ quan của một bước: Cơ quan này không tham gia chiến dịch: hãy chọn cơ quan chủ trì hoặc một cơ quan phối hợp.',
      'Các bước duyệt: Cần giữ bước pháp chế duyệt của cơ quan chủ trì.',
      expect.stringMatching(/^Trường khác: \S/),
    ]);
  });
});
