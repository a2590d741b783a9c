import { useQuery } from '@tanstack/react-query';
import { useMessaging } from '../MessagingProvider';
import { preferencesOptions } from '../queries';

/** The user's notification preferences; disabled where the backend has none (`capabilities.preferences`). */
export function usePreferences() {
  const { transport, scope } = useMessaging('usePreferences');
  const supported = transport.capabilities.preferences;
  const query = useQuery({ ...preferencesOptions(transport, scope), enabled: supported });
  return { ...query, supported };
}
