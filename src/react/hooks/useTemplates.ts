import { useQuery } from '@tanstack/react-query';
import { useMessaging } from '../MessagingProvider';
import { templatesOptions } from '../queries';

/** The backend's message templates; disabled where the backend has none. */
export function useTemplates() {
  const { transport, scope } = useMessaging('useTemplates');
  return useQuery({ ...templatesOptions(transport, scope), enabled: transport.capabilities.templates });
}
