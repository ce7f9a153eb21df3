// French (and English) language tooling for judging prose: the Snowball French stemmer
// (snowball-stemmers) and the French and English stop-word lists of `stopword`. Both packages are
// loaded on first use only (`loadFrench`), so commands that judge no prose never pay for them.

// Regular expressions are built once here: a bundler turns a literal with `\p{…}` into a
// `new RegExp` call, which would otherwise run at every call of a function used per word.
const MARKS = /\p{M}/gu;
const WORD = /[\p{L}\p{N}]+/gu;

/** Lower-case, accent-free text. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(MARKS, '').toLowerCase();
}

/** Lower-case, accent-free word tokens (letters and digits). */
export function foldedWords(text: string): string[] {
  return fold(text).match(WORD) ?? [];
}

export interface French {
  /** The Snowball French stem of the folded word (accents dropped first, as students often drop them). */
  stem(word: string): string;
  /** Whether a (lower-case) word is a French or English stop word (`le`, `de`, `the`…), accents or not. */
  isStopWord(word: string): boolean;
  /** Word tokens of a text: lower-case, apostrophes split (`l'image` → `l`, `image`). */
  words(text: string): string[];
  /** Stems of a text's words that are not stop words. */
  contentStems(text: string): string[];
}

let loading: Promise<French> | undefined;
let loaded: French | undefined;

/** Loads the stemmer and the stop-word lists once; later calls return the same instance. */
export function loadFrench(): Promise<French> {
  loading ??= (async () => {
    const [snowball, stopword] = await Promise.all([import('snowball-stemmers'), import('stopword')]);
    // Both are CommonJS: their exports arrive as named exports or under `default`, depending on the loader.
    const lists = commonJs<{ fra: string[]; eng: string[] }>(stopword, 'fra');
    const stemmer = commonJs<typeof snowball>(snowball, 'newStemmer').newStemmer('french');
    loaded = makeFrench((word) => stemmer.stem(word), [...lists.fra, ...lists.eng]);
    return loaded;
  })();
  return loading;
}

function commonJs<T>(module: unknown, name: string): T {
  const named = module as Record<string, unknown>;
  return (name in named ? named : named['default']) as T;
}

/** The loaded tooling; `loadFrench()` must have been awaited first (the report loader does). */
export function french(): French {
  if (!loaded) throw new Error('French language tooling used before loadFrench() was awaited');
  return loaded;
}

// Words a stop-word list forgets but that carry nothing in an answer (contractions once split).
const EXTRA_STOP = ['l', 'd', 'j', 'c', 'qu', 'n', 's', 'm', 't', 'y', 'ca', 'cela', 'ceci', 'donc', 'alors', 'aussi', 'ainsi', 'tres', 'bien'];

function makeFrench(stemWord: (word: string) => string, stopWords: string[]): French {
  const stop = new Set([...stopWords, ...EXTRA_STOP].map(fold));
  const cache = new Map<string, string>();
  const stem = (word: string): string => {
    let stemmed = cache.get(word);
    if (stemmed === undefined) {
      stemmed = stemWord(fold(word));
      if (cache.size < 50_000) cache.set(word, stemmed);
    }
    return stemmed;
  };
  const isStopWord = (word: string) => stop.has(fold(word));
  const words = (text: string) => text.toLowerCase().match(WORD) ?? [];
  return {
    stem,
    isStopWord,
    words,
    contentStems: (text) => words(text).filter((w) => !isStopWord(w)).map(stem),
  };
}
