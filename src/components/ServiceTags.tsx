import { hasTags, serviceTags, type ResultView } from '../domain/search/result-view.ts';
import type { FacetLabel, Translate } from './types.ts';
import type { MessageKey } from '../i18n/message-keys.ts';
import './ServiceTags.css';

export const SERVICE_TAGS_KEYS = ['provider.servicesLabel', 'provider.inferredTag'] as const;

export interface ServiceTagsProps {
  view: Pick<ResultView, 'services' | 'medications' | 'servicesInferredFromName'>;
  t: Translate<MessageKey<typeof SERVICE_TAGS_KEYS>>;
  label: FacetLabel;
}

/** What a place offers, as tags; a service only its name suggests is marked as such. */
export function ServiceTags({ view, t, label }: ServiceTagsProps) {
  const tags = serviceTags(view);
  if (!hasTags(tags)) return null;
  return (
    <ul class="rf-tags" aria-label={t('provider.servicesLabel')}>
      {tags.medications.map((key) => (
        <li class="rf-tag" key={`medication-${key}`}>
          {label('medication', key)}
        </li>
      ))}
      {tags.services.map((key) => (
        <li class="rf-tag" key={`service-${key}`}>
          {label('service', key)}
        </li>
      ))}
      {tags.inferred.map((key) => (
        <li class="rf-tag rf-tag--inferred" key={`inferred-${key}`}>
          {t('provider.inferredTag', { service: label('service', key) })}
        </li>
      ))}
    </ul>
  );
}
