export {
  walkPracticeJourney,
  type PracticeJourneyOptions,
  type PracticeJourneyResult,
} from './walk-practice-journey';
