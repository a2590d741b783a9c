import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Template, TemplateCategory } from '../../core/types';
import { useMessaging } from '../MessagingProvider';
import { inboxKeys } from '../queryKeys';

/** Creates a template and adds it to the cached list. */
export function useCreateTemplate() {
  const { transport, scope } = useMessaging('useCreateTemplate');
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; category: TemplateCategory; content: string }) =>
      transport.createTemplate(input),
    onSuccess: (template) =>
      client.setQueryData<Template[]>(inboxKeys.templates(scope), (list) => [...(list ?? []), template]),
  });
}
