/** The app's sections, in navigation order. Each later capability fills its own screen. */
export const SECTIONS = [
  { id: 'home', label: 'Home', description: 'What is due, what is waiting, what to do next.' },
  {
    id: 'link',
    label: 'Link to HMRC',
    description: 'Give Ledgerlink authority to act for you at HMRC.',
  },
  { id: 'profiles', label: 'Profiles', description: 'The people whose tax affairs you keep.' },
  { id: 'records', label: 'Records', description: 'Your digital records: income and expenses.' },
  {
    id: 'review',
    label: 'Review & sync',
    description: 'Check each quarterly update, approve it, then send it to HMRC.',
  },
  {
    id: 'year-end',
    label: 'Year end',
    description: 'Annual figures, the final calculation and the declaration, after 5 April.',
  },
  {
    id: 'diagnostics',
    label: 'Diagnostics',
    description: 'What Ledgerlink knows about itself and its security.',
  },
  { id: 'settings', label: 'Settings', description: 'Choose Practice HMRC or HMRC itself.' },
] as const;

export type SectionId = (typeof SECTIONS)[number]['id'];

export const isSectionId = (value: string): value is SectionId =>
  SECTIONS.some((s) => s.id === value);
