/**
 * Fragments shared by several documents live in `fragments.graphql`; a document names one
 * with `...Name`, and the server appends what it spreads (and what those spread) before the
 * document goes to the API. Plain text work: the web server carries no GraphQL parser.
 */

/** Fragment name → its definition, from the text of a fragments file (comments dropped). */
export function readFragments(text: string): Map<string, string> {
  const lines = text.split('\n').filter((line) => !/^\s*#/.test(line));
  const fragments = new Map<string, string>();
  let name: string | null = null;
  let body: string[] = [];
  const flush = () => {
    if (name) fragments.set(name, body.join('\n').trim());
  };
  for (const line of lines) {
    const start = /^fragment\s+([_A-Za-z]\w*)\s+on\s/.exec(line);
    if (start) {
      flush();
      name = start[1]!;
      body = [];
    }
    if (name) body.push(line);
  }
  flush();
  return fragments;
}

/** The names a piece of GraphQL spreads (`...Name`, not the inline `... on Type`). */
export function findSpreads(source: string): string[] {
  return [...source.matchAll(/\.\.\.\s*([_A-Za-z]\w*)/g)].map((match) => match[1]!).filter((name) => name !== 'on');
}

/** The document with every fragment it needs appended, each once; throws on an unknown name. */
export function withFragments(source: string, fragments: ReadonlyMap<string, string>): string {
  const needed: string[] = [];
  const visit = (text: string) => {
    for (const name of findSpreads(text)) {
      if (needed.includes(name)) continue;
      const definition = fragments.get(name);
      if (!definition) throw new Error(`GraphQL fragment ${name} is not in fragments.graphql`);
      needed.push(name);
      visit(definition);
    }
  };
  visit(source);
  return needed.length === 0 ? source : `${[source.trimEnd(), ...needed.map((name) => fragments.get(name)!)].join('\n\n')}\n`;
}
