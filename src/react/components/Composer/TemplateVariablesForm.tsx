import { forwardRef } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import { useMessaging } from '../../MessagingProvider';
import { cx } from '../primitives/cx';
import { useComposerContext } from './ComposerContext';
import { variableLabel } from './templateUtils';

/** Props of {@link TemplateVariablesForm}. */
export type TemplateVariablesFormProps = ComponentPropsWithoutRef<'fieldset'>;

/**
 * The inserted template's variables: those the conversation knows are filled
 * in (and editable), the rest are asked for. Shows the rendered text; the
 * message goes out as the template with these variables.
 */
export const TemplateVariablesForm = forwardRef<HTMLFieldSetElement, TemplateVariablesFormProps>(
  function TemplateVariablesForm({ className, ...rest }, ref) {
    const { t } = useMessaging('Composer.TemplateVariablesForm');
    const c = useComposerContext('Composer.TemplateVariablesForm');
    const active = c.template;
    if (!active) return null;
    const names = Object.keys(active.variables);
    const previewId = `${c.ids.input}-preview`;
    return (
      <fieldset
        ref={ref}
        className={cx('ik-composer__variables', className)}
        data-slot="template-variables"
        {...rest}
      >
        <legend className="ik-composer__variables-legend">
          {t('templateVariablesFor', { name: active.template.name })}
        </legend>
        <div className="ik-composer__variables-grid">
          {names.map((name) => {
            const id = `${c.ids.input}-var-${name}`;
            const missing = active.missing.includes(name);
            const invalid = missing && !!c.error;
            return (
              <div key={name} className="ik-composer__variable" data-missing={missing ? '' : undefined}>
                <label htmlFor={id}>{variableLabel(name, t)}</label>
                <input
                  id={id}
                  type="text"
                  value={active.variables[name] ?? ''}
                  required={missing}
                  aria-invalid={invalid || undefined}
                  aria-describedby={invalid ? c.ids.error : undefined}
                  onChange={(e) => c.setTemplateVariable(name, e.target.value)}
                />
              </div>
            );
          })}
        </div>
        <p className="ik-composer__preview-label" id={previewId}>
          {t('templatePreview')}
        </p>
        <p className="ik-composer__preview" data-slot="template-preview">
          {active.rendered}
        </p>
        <button
          type="button"
          className="ik-button ik-composer__variables-close"
          data-variant="ghost"
          onClick={() => c.detachTemplate()}
        >
          {t('templateDetach')}
        </button>
      </fieldset>
    );
  },
);
