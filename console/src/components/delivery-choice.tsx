// How a new token is handed over, asked in the generate and renew dialogs. The single-access link
// comes first and is the default: the operator then never sees or pastes the token.
import { useId } from 'preact/hooks';
import type { Delivery } from '../api/types';
import { useI18n } from '../i18n/i18n';

export function DeliveryChoice({
  value,
  onChange,
}: {
  value: Delivery;
  onChange: (value: Delivery) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const option = (choice: Delivery, label: string, hint: string) => (
    <div class="radio-field">
      <input
        type="radio"
        name={`${id}-delivery`}
        id={`${id}-${choice}`}
        value={choice}
        checked={value === choice}
        aria-describedby={`${id}-${choice}-hint`}
        data-delivery={choice}
        onChange={() => onChange(choice)}
      />
      <label for={`${id}-${choice}`}>{label}</label>
      <p class="hint" id={`${id}-${choice}-hint`}>
        {hint}
      </p>
    </div>
  );
  return (
    <fieldset data-testid="delivery-choice">
      <legend>{t.share.deliveryLegend}</legend>
      {option('link', t.share.deliveryLink, t.share.deliveryLinkHint)}
      {option('response', t.share.deliveryResponse, t.share.deliveryResponseHint)}
    </fieldset>
  );
}
