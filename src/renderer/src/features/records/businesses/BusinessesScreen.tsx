import { useId, useState, type FormEvent, type JSX } from 'react';
import { BUSINESS_KINDS } from '@shared/domain/business-kinds';
import type { RecordsBusiness } from '@shared/ipc/channels/records';
import { api, toIpcError, unwrap } from '@renderer/bridge';
import { ErrorNotice } from '@renderer/ui/ErrorNotice';
import { kindName } from '../format';
import { useRecordsMutation } from '../use-records-data';

/**
 * #/records/businesses: the businesses records are kept under. Linking an HMRC account brings
 * them in from HMRC (Profiles); without one, a person adds them here and keeps records offline.
 */
export function BusinessesScreen({
  profileId,
  businesses,
}: {
  profileId: string;
  businesses: readonly RecordsBusiness[];
}): JSX.Element {
  const id = useId();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<RecordsBusiness['kind']>('self-employment');
  const [country, setCountry] = useState('');
  const [said, setSaid] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<{ id: number; name: string } | null>(null);
  const create = useRecordsMutation(profileId, () =>
    unwrap(
      api.records.createBusiness({
        profileId,
        kind,
        name,
        ...(kind === 'foreign-property' && country.trim()
          ? { countryCode: country.trim().toUpperCase() }
          : {}),
      }),
    ),
  );
  const setForeign = useRecordsMutation(
    profileId,
    (input: { id: number; countryCode?: string; foreignTaxCreditRelief?: boolean }) =>
      unwrap(
        api.records.setForeignProperty({
          profileId,
          businessId: input.id,
          ...(input.countryCode ? { countryCode: input.countryCode } : {}),
          ...(input.foreignTaxCreditRelief !== undefined
            ? { foreignTaxCreditRelief: input.foreignTaxCreditRelief }
            : {}),
        }),
      ),
  );
  const rename = useRecordsMutation(profileId, (input: { id: number; name: string }) =>
    unwrap(api.records.renameBusiness({ profileId, businessId: input.id, name: input.name })),
  );
  const createError = create.error ? toIpcError(create.error) : null;
  const nameProblem = createError?.fields?.find((f) => f.path === 'name')?.message;
  const countryProblem = createError?.fields?.find((f) => f.path === 'countryCode')?.message;
  const countryValid = /^[A-Za-z]{3}$/.test(country.trim());

  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(undefined, {
      onSuccess: (r) => {
        setSaid(`Added ${r.business.name}.`);
        setName('');
        setCountry('');
      },
    });
  };

  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Businesses</h2>
      {businesses.length === 0 ? (
        <p className="empty-state">No business yet.</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Kind</th>
              <th scope="col">At HMRC</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {businesses.map((b) => (
              <tr key={b.id}>
                <th scope="row">
                  {renaming?.id === b.id ? (
                    <form
                      className="records-inline-form"
                      onSubmit={(e) => {
                        e.preventDefault();
                        rename.mutate(renaming, {
                          onSuccess: (r) => {
                            setSaid(`Renamed to ${r.business.name}.`);
                            setRenaming(null);
                          },
                        });
                      }}
                    >
                      <label htmlFor={`${id}-rename-${b.id}`} className="visually-hidden">
                        New name for {b.name}
                      </label>
                      <input
                        id={`${id}-rename-${b.id}`}
                        type="text"
                        value={renaming.name}
                        maxLength={200}
                        onChange={(e) => setRenaming({ id: b.id, name: e.target.value })}
                      />
                      <button type="submit" className="button">
                        Save
                      </button>
                    </form>
                  ) : (
                    b.name
                  )}
                  {b.archived ? <span className="badge badge-neutral">Archived</span> : null}
                </th>
                <td>
                  {kindName(b.kind)}
                  {b.foreign ? <ForeignPlace business={b} onChange={setForeign.mutate} /> : null}
                </td>
                <td>
                  {b.hmrcBusinessId ? (
                    <span className="mono">{b.hmrcBusinessId}</span>
                  ) : b.foreign?.parentId ? (
                    `Kept under ${businesses.find((p) => p.id === b.foreign?.parentId)?.name ?? 'the foreign property business'}`
                  ) : (
                    'Not linked yet'
                  )}
                </td>
                <td>
                  {renaming?.id !== b.id ? (
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => setRenaming({ id: b.id, name: b.name })}
                    >
                      Rename<span className="visually-hidden"> {b.name}</span>
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {rename.error ? <ErrorNotice error={toIpcError(rename.error)} /> : null}
      {setForeign.error ? <ErrorNotice error={toIpcError(setForeign.error)} /> : null}
      <p role="status" className="saved">
        {said}
      </p>

      <h3>Add a business</h3>
      <form className="form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-name`}>Name</label>
          <input
            id={`${id}-name`}
            type="text"
            value={name}
            maxLength={200}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={nameProblem ? true : undefined}
            aria-describedby={nameProblem ? `${id}-name-error` : `${id}-name-hint`}
          />
          <p className="hint" id={`${id}-name-hint`}>
            Your trading name, or a name for your lettings such as “Flats in Leeds”.
          </p>
          {nameProblem ? (
            <p className="field-error" id={`${id}-name-error`}>
              {nameProblem}
            </p>
          ) : null}
        </div>
        <fieldset>
          <legend>Kind</legend>
          {BUSINESS_KINDS.map((k) => (
            <div className="choice" key={k}>
              <input
                id={`${id}-${k}`}
                type="radio"
                name={`${id}-kind`}
                checked={kind === k}
                onChange={() => setKind(k)}
              />
              <label htmlFor={`${id}-${k}`}>{kindName(k)}</label>
            </div>
          ))}
        </fieldset>
        {kind === 'foreign-property' ? (
          <div className="field">
            <label htmlFor={`${id}-country`}>Country</label>
            <input
              id={`${id}-country`}
              type="text"
              value={country}
              maxLength={3}
              autoComplete="off"
              className="input-short"
              onChange={(e) => setCountry(e.target.value)}
              aria-invalid={countryProblem ? true : undefined}
              aria-describedby={countryProblem ? `${id}-country-error` : `${id}-country-hint`}
            />
            <p className="hint" id={`${id}-country-hint`}>
              Its three-letter country code, such as FRA for France or ESP for Spain. HMRC takes
              foreign property figures per country (2025-26) and per property from 2026-27; add each
              property abroad as its own foreign property.
            </p>
            {countryProblem ? (
              <p className="field-error" id={`${id}-country-error`}>
                {countryProblem}
              </p>
            ) : null}
          </div>
        ) : null}
        {createError && !nameProblem && !countryProblem ? (
          <ErrorNotice error={createError} />
        ) : null}
        <div className="actions">
          <button
            type="submit"
            className="button primary"
            disabled={create.isPending || (kind === 'foreign-property' && !countryValid)}
          >
            Add the business
          </button>
        </div>
      </form>
    </section>
  );
}

/** A foreign property's country, HMRC's property id and its foreign tax credit relief claim. */
function ForeignPlace({
  business,
  onChange,
}: {
  business: RecordsBusiness;
  onChange: (input: { id: number; foreignTaxCreditRelief: boolean }) => void;
}): JSX.Element {
  const id = useId();
  const place = business.foreign!;
  return (
    <div className="foreign-place">
      <span>
        {place.countryCode ? ` · ${place.countryCode}` : ' · no country'}
        {place.hmrcPropertyId ? (
          <span className="hint"> · HMRC property {place.hmrcPropertyId.slice(0, 8)}…</span>
        ) : null}
      </span>
      <div className="choice">
        <input
          id={`${id}-relief`}
          type="checkbox"
          checked={place.foreignTaxCreditRelief}
          onChange={(e) => onChange({ id: business.id, foreignTaxCreditRelief: e.target.checked })}
        />
        <label htmlFor={`${id}-relief`}>
          Claim foreign tax credit relief
          <span className="visually-hidden"> for {business.name}</span>
        </label>
      </div>
    </div>
  );
}
