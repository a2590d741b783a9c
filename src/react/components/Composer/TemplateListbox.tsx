import type { Template } from '../../../core/types';
import { useMessaging } from '../../MessagingProvider';
import { cx } from '../primitives/cx';
import { categoryLabel } from './templateUtils';

/** Props of {@link TemplateListbox}. */
export interface TemplateListboxProps {
  id: string;
  options: Template[];
  /** Index of the active option, -1 for none. */
  active: number;
  onChoose: (template: Template) => void;
  className?: string;
}

/** The id of option `index` of listbox `id`. */
export const templateOptionId = (id: string, index: number) => `${id}-opt-${index}`;

/**
 * The popup list of templates (`role="listbox"`). Focus stays on the field
 * that owns it, so options are chosen with the mouse without taking focus.
 */
export function TemplateListbox({ id, options, active, onChoose, className }: TemplateListboxProps) {
  const { t } = useMessaging('Composer.TemplateListbox');
  if (options.length === 0) {
    return (
      <div
        id={id}
        className={cx('ik-composer__popup', 'ik-composer__popup--empty', className)}
        data-slot="template-listbox"
      >
        {t('noTemplates')}
      </div>
    );
  }
  return (
    <ul
      id={id}
      role="listbox"
      aria-label={t('templates')}
      className={cx('ik-composer__popup', className)}
      data-slot="template-listbox"
    >
      {options.map((tpl, i) => (
        // Keyboard choice lives on the combobox textarea (aria-activedescendant), as in the APG combobox.
        // eslint-disable-next-line jsx-a11y/click-events-have-key-events
        <li
          key={tpl.id}
          id={templateOptionId(id, i)}
          role="option"
          aria-selected={i === active}
          data-active={i === active ? '' : undefined}
          className="ik-composer__option"
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onChoose(tpl)}
        >
          <span className="ik-composer__option-name" dir="auto">
            {tpl.name}
          </span>
          <span className="ik-composer__option-category">{categoryLabel(tpl.category, t)}</span>
        </li>
      ))}
    </ul>
  );
}
