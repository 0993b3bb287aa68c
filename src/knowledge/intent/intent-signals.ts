/**
 * The linguistic signals behind intent classification. Each is a pattern over the normalised
 * question (see intent-normalize.ts) with a weight: positive pushes towards escalating to a
 * senior (the answer is a judgement, policy, plan or the team's rationale), negative towards
 * answering from the docs (the answer is a fact the docs state). The question word alone never
 * decides: "why does this return 422" is a documented fact, "why did we pick X" is rationale.
 */

export type SignalCategory = 'rationale' | 'judgement' | 'policy' | 'planning' | 'ownership' | 'team' | 'documented';

export interface IntentSignal {
  id: string;
  category: SignalCategory;
  weight: number;
  pattern: RegExp;
}

/** Who decides: the team (or "they"/"someone" standing for it). */
const TEAM = String.raw`(?:we|the team|our team|the teams?|they|you guys|you all|someone|the (?:architects?|leads?|backend team|platform team))`;
/** Verbs of choosing and designing, in the tenses people ask with. */
const DECIDE = String.raw`(?:choos(?:e|ing)|chose|chosen|pick(?:ed|ing)?|decid(?:e|ed|ing)|decision|go(?:ing)? with|went with|gone with|adopt(?:ed|ing)?|switch(?:ed|ing)?|migrat(?:e|ed|ing)|mov(?:e|ed|ing) (?:to|away|off)|design(?:ed)?|prefer(?:red)?|standardi[sz](?:e|ed)|settl(?:e|ed) on|opt(?:ed)? (?:for|out|in)|select(?:ed)?|reject(?:ed)?|drop(?:ped)?|abandon(?:ed)?|replac(?:e|ed)|introduc(?:e|ed)|split|denormali[sz](?:e|ed)|normali[sz](?:e|ed)|use|used|using|build|built|went|implement(?:ed)?|structur(?:e|ed)|model(?:l?ed)?|deprecat(?:e|ed)|ditch(?:ed)?|keep|kept|stick with|stuck with|stop(?:ped)? using)`;
/** "We" as users of the API who observe something, not as the team that decides. */
const WE_OBSERVE = String.raw`(?:(?:still|sometimes|always|keep|occasionally|suddenly) )?(?:get|getting|see|seeing|receive|receiving|hit|hitting|run into|running into)\b`;
/** Cues that a why-question is about something observed in use of the product, not a choice. */
/** A three-digit number read as an HTTP status, not as a quantity ("500 characters"). */
const HTTP_CODE = String.raw`[1-5]\d\d(?! (?:characters?|chars|items|results|ms|milliseconds|seconds|secs|minutes|mb|kb|gb|bytes|rows|records|requests|per|accounts|statuses|posts|words|users|px|days|hours|times|entries|lines)\b)`;
const OBSERVED = String.raw`(?:get|gets|getting|got|receive|receiving|see|seeing|saw|return|returns|returned|returning|respond|responds|fail|fails|failing|failed|error|errors|erroring|throw|throws|reject|rejects|deny|denies|denied|show|shows|showing|appear|appears|null|empty|missing|blank|zero|nil|undefined|timeout|times out|time out|hang|hangs|slow|wrong|different|still|truncated|ignored|stop|stops|break|breaks|broken|crash|crashes|${HTTP_CODE}|status code|response|result|results|happen|happens|work|working|works|skip|skips|skipped|miss|misses|lose|loses|lost|duplicate|duplicated|duplicates|repeat|repeats|expire|expires|expired|redirect|redirects|include|includes|exclude|excludes|ignore|ignores|only|always|never|sometimes)`;

/** Things the docs describe: when one is the subject, its behaviour is a documented fact. */
const PRODUCT = String.raw`(?:api|apis|endpoint|endpoints|server|instance|timeline|timelines|request|requests|response|responses|call|calls|query|queries|search|table|tables|column|columns|field|fields|header|headers|parameter|parameters|param|params|value|values|body|payload|token|tokens|scope|scopes|url|urls|route|routes|method|status code|content-type|format|entity|attribute|id|ids|key|keys|limit|page|pages|pagination|cursor|results|list|object|objects|record|records|row|rows|apipath|codeterm)`;

/** Follows a word used as the name of a product field ("priority field", "policy parameter"). */
const AS_FIELD_NAME = String.raw`(?! (?:field|fields|column|columns|attribute|attributes|param|params|parameter|parameters|property|properties|value|values|flag|setting|settings|enum|endpoint|endpoints|api|table|object|entity|header|key)\b)`;

/** Greetings and fillers a question may open with before its real first word. */
const LEAD = String.raw`^(?:(?:hey|hi|hello|so|ok|okay|quick question|quick q|q|also|and|but|um|uh|sorry|folks|team|all|guys|everyone|question|btw|hmm|please|pls)\s)*`;

export const SIGNALS: IntentSignal[] = [
  // --- the team's rationale -------------------------------------------------------------
  { id: 'why-team-agency', category: 'rationale', weight: 3.2,
    pattern: new RegExp(String.raw`\bwhy (?:\w+ ){0,2}(?:did|do|does|are|were|was|have|had|would|is|not) (?:\w+ )?${TEAM}\b(?! ${WE_OBSERVE})`) },
  { id: 'team-decision-verb', category: 'rationale', weight: 2.2,
    pattern: new RegExp(String.raw`\b${TEAM} (?:\w+ ){0,2}${DECIDE}\b`) },
  { id: 'why-passive-choice', category: 'rationale', weight: 2.6,
    pattern: /\bwhy (?:was|were|is|are|has|have|had)\b.*\b(?:chosen|picked|selected|rejected|adopted|decided|preferred|introduced|dropped|abandoned|replaced|made|designed|built|favou?red|ruled out|standardi[sz]ed|went with)\b/ },
  { id: 'rationale-noun', category: 'rationale', weight: 3.2,
    pattern: /\b(?:reason|reasons|reasoning|rationale|motivation|motivations|justification|thinking|thought process|logic|history|backstory|context) (?:behind|for|of|on|was)\b|\bwhat (?:led|made|drove|prompted|motivated) (?:us|the team|them|you)\b|\bwhy the (?:decision|choice|switch|move)\b|\b(?:deliberate|deliberately|intentional|intentionally|on purpose|by design|conscious (?:choice|decision))\b/ },
  { id: 'why-past-thing', category: 'rationale', weight: 1.4,
    pattern: /\bwhy (?:was|were|did|has|had|have) (?:the|this|that|these|those|a|an|it|they|our)\b/ },
  { id: 'why-not-alternative', category: 'rationale', weight: 2.0,
    pattern: /\bwhy (?:not|do not we|not just|did not we|dont we|do we not|did we not|would not we)\b/ },
  { id: 'choice-comparison', category: 'rationale', weight: 1.2,
    pattern: /\b(?:over|instead of|rather than|in favou?r of|as opposed to)\b/ },

  // --- asking for a judgement or recommendation ------------------------------------------
  { id: 'should-question', category: 'judgement', weight: 3.0,
    pattern: new RegExp(LEAD + String.raw`(?:should|shall|ought)\b`) },
  { id: 'how-should', category: 'judgement', weight: 2.6,
    pattern: /\bhow (?:should|shall|ought) (?:we|i|the|our|you|they|a|an|this|new)\b|\bhow (?:would|might|could) (?:we|the team|you|our)\b/ },
  { id: 'wh-should', category: 'judgement', weight: 1.6,
    pattern: /\b(?:what|which|when|where|who) (?:\w+ ){0,3}(?:should|ought to|shall) (?:we|i|the|our|it|this|they|new)\b/ },
  { id: 'advice-words', category: 'judgement', weight: 2.8,
    pattern: /\b(?:recommend|recommendation|recommended|recommendations|advice|advise|suggest|suggestion|suggestions|best practices?|best way|best approach|better way|better approach|better option|better choice|better to|better for|better than|preferable|worth it|is it worth|worthwhile|makes? sense|make more sense|pros and cons|pros cons|trade ?-?offs?|downsides?|upsides?|drawbacks?|good idea|bad idea|a mistake|overkill|(?:good|bad|smart|right|wrong|sound|safe) (?:choice|call|approach|move|way|direction|tool|fit|design|practice|option|bet)|(?:well|badly|poorly|properly|over)[ -]?(?:designed|engineered|architected|structured)|worth (?:it|the|doing|adding|trying|considering|keeping|moving|switching|a)|objections?|pushback|opposed to|(?:you|you guys|you all|everyone|anyone|folks|people|the team) (?:think|feel|reckon)|feel about|thoughts (?:on|about)|feedback on|reckon|sensible|wise to|any concerns|concerns about|gut feeling|opinion|opinions|(?:your|teams|team|our|the) take on|appetite|buy-?in|interest in (?:moving|switching|adopting|adding|using|replacing)|would you|do you prefer|would it be|is it ok(?:ay)? to|is it fine to|is it acceptable|is it safe to (?:drop|remove|skip|merge|ship|deploy))\b/ },
  { id: 'decision-noun', category: 'judgement', weight: 2.4,
    pattern: /\b(?:the (?:call|decision|verdict|consensus|direction|plan) on|final (?:say|word|call|decision)|make the call|have a say)\b/ },
  { id: 'stance', category: 'judgement', weight: 2.2,
    pattern: /\b(?:anyone|anybody|everyone|people|the team|folks|we|you) (?:\w+ )?(?:against|on board with|ok with|okay with|fine with|happy with|comfortable with|in favou?r of|torn between)\b/ },
  { id: 'versus', category: 'judgement', weight: 1.6, pattern: /\b(?:vs|versus)\b/ },
  { id: 'bare-alternatives', category: 'judgement', weight: 1.8,
    pattern: new RegExp(LEAD + String.raw`(?:[\w.+-]+ ){1,2}or (?:[\w.+-]+ ){1,2}(?:for|to|in|on)\b`) },
  { id: 'which-is-better', category: 'judgement', weight: 2.2,
    pattern: /\bwhich (?:one |option |approach |tool |library |framework |database |db )?(?:is|would be|should) (?:better|best|faster|preferable|right|preferred)\b|\bwhich (?:database|db|framework|library|language|queue|broker|tool|vendor|cloud|stack|approach|pattern|architecture) (?:should|would|do|to)\b/ },
  { id: 'hypothetical-change', category: 'judgement', weight: 1.8,
    pattern: /\b(?:what if we|how about (?:we|using|moving|switching|adding)|could we|can we (?:switch|move|drop|replace|migrate|rewrite|adopt|break|remove|stop|skip)|would (?:switching|moving|adding|using|migrating|replacing|dropping|rewriting|splitting)|are we (?:thinking|considering)|we are (?:thinking|considering|debating|discussing)|thinking (?:about|of) (?:moving|switching|adding|using|migrating|replacing|dropping))\b/ },
  { id: 'architecture-choice', category: 'judgement', weight: 1.2,
    pattern: /\b(?:architecture|architectural|microservices?|monolith|refactor|refactoring|rewrite|re-?architect|tech stack|framework choice|split (?:out|up|off|into)|break (?:up|out)|carve out|extract (?:a |the )?(?:service|module))\b/ },
  { id: 'we-modal', category: 'judgement', weight: 1.3,
    pattern: /\b(?:should|would|could|shall) we\b|\bdo we (?:\w+ )?(?:need|want|have to|care|still)\b|\bcan we (?:just|afford|justify|live with|get away)\b|\bwe (?:should|need to|want to|ought to|could|might)\b/ },
  { id: 'evaluative', category: 'judgement', weight: 1.6,
    pattern: new RegExp(String.raw`\btoo (?:small|big|large|low|high|many|few|slow|complex|much|little|strict|loose|aggressive|risky|expensive)\b|\bgood enough\b|\btoo (?:early|late|soon)\b|\bpremature\b|\bthe right time\b|\b(?:acceptable|appropriate|advisable|reasonable|viable|feasible|production-?ready|smarter|wiser|cleaner|simpler)\b|\bfor (?:our|my) (?:use case|needs|purposes|scale|team)\b|\b(?:the )?(?:right|wrong|ideal|best|correct) (?!${PRODUCT}\b)[\w-]+ for (?:us|our|the|this|a|an)\b`) },

  // --- team policy and process -----------------------------------------------------------
  { id: 'preferred-choice', category: 'policy', weight: 2.4,
    pattern: /\b(?:preferred|go-?to|default choice|standard choice|blessed|approved|sanctioned) (?:[\w-]+ )?(?:library|libraries|framework|frameworks|tool|tools|language|stack|approach|pattern|way|database|db|vendor|option|style)\b|\bfor (?:new|all new|future) (?:services|code|projects|endpoints|repos|modules|features)\b/ },
  { id: 'team-policy', category: 'policy', weight: 3.0,
    pattern: /\b(?:our|team|teams|company|companys|internal|house|org|organi[sz]ation)\b(?: \w+){0,3} (?:policy|policies|conventions?|guidelines?|standards?|process|processes|procedures?|rules?|practices?|workflow|sla|slas|stance|approach)\b/ },
  { id: 'policy-noun', category: 'policy', weight: 1.8,
    pattern: new RegExp(String.raw`\b(?:policy|policies|conventions?|guidelines?|governance|code review|review process|approval|sign-?off|compliance|process for|procedure for|release process|on-?call|escalation path|escalation process|incident response|runbooks?|playbooks?|protocol for)\b${AS_FIELD_NAME}`) },
  { id: 'permission', category: 'policy', weight: 2.2,
    pattern: /\b(?:are we|am i|is anyone|are engineers|are juniors) (?:allowed|permitted|supposed|expected|required) to\b|\b(?:allowed|permitted) to (?:merge|deploy|ship|push|store|log|break|skip|bypass)\b|\bis it (?:ok|okay|fine|alright|all right|acceptable|cool) (?:if|for) (?:i|we|me|us)\b/ },

  // --- plans, priorities, estimates -------------------------------------------------------
  { id: 'roadmap', category: 'planning', weight: 2.8,
    pattern: /\b(?:roadmap|road map|milestones?|deadline|deadlines|eta|sprint|quarter|q[1-4]|okrs?|backlog|strategy|long-?term plan|plan for|plans for|planned|plan to|plans to|planning to|sunset|sunsetting|next release|upcoming release|going forward)\b/ },
  { id: 'future-team', category: 'planning', weight: 2.6,
    pattern: /\b(?:are|is) (?:we|the team|anyone) (?:going to|gonna|planning|ever going)\b|\bwhen (?:will|are|do|can|should|is) (?:we|the team)\b|\bwill we\b|\b(?:we|the team) (?:are|is) (?:doing|working on|handling|tackling|addressing|committed)\b|\bwhat (?:are|is) (?:we|the team) doing\b|\b(?:expected|target|planned) (?:date|timeline|release|delivery|launch)\b|\b(?:ga|general availability|go-?live|release date|launch date|ship date)\b|\btimeline (?:for|to) (?:ga|launch|releas|ship|finish|complet|deliver|roll|migrat)|\bwhen will .* (?:ship|shipped|launch|launched|released?|ready|done|land|fixed|available)\b/ },
  { id: 'team-plan', category: 'planning', weight: 2.4,
    pattern: /\b(?:our|the teams|the team) (?:plan|plans|strategy|direction|vision|goals?|timeline|contingency)\b|\bplan (?:if|b|when)\b|\bcontingency\b/ },
  { id: 'estimate', category: 'planning', weight: 2.6,
    pattern: /\b(?:estimate|estimates|estimation|story points?|level of effort|how (?:much|many) (?:effort|work|time|days|weeks|sprints|hours|engineers|people)|how (?:long|hard|difficult|risky|expensive) (?:will|would|might|could)|cost us)\b/ },
  { id: 'priority', category: 'planning', weight: 2.2,
    pattern: new RegExp(String.raw`\b(?:prioriti[sz]e|prioriti[sz]ation|priorities|priority|more important|most important|urgent)\b${AS_FIELD_NAME}|\bhow (?:important|critical|urgent|necessary|essential|crucial|big a deal|much does it matter)\b`) },

  // --- ownership and who to ask ----------------------------------------------------------
  { id: 'ownership', category: 'ownership', weight: 3.2,
    pattern: /\bwho (?:\w+ )?(?:owns|own|is responsible|are responsible|maintains|maintain|approves|approve|decides|decide|signs off|is in charge|runs|leads|built|wrote|designed|decided|chose|picked|approved|made the call|introduced|added|knows|should|must|needs to|has to|gets to|do i|can i|to ask|to talk|to contact|is the owner|is the point)\b|\b(?:owner|owners|ownership|point of contact|maintainer|maintainers) (?:of|for)\b|\bwhich team (?:owns|handles|is responsible|maintains)\b|\bwho (?:is|are) (?:the |our )?(?:go-?to|right|best|main|primary|responsible|point|contact|expert|experts|owner|owners|lead|person|people|team)\b|\bwho gets (?:paged|called|notified|pinged|assigned|to)\b|\bgo-?to (?:person|people)\b|\bexperts? on\b/ },

  // --- plain reference to the team (weak on its own) ---------------------------------------
  { id: 'team-reference', category: 'team', weight: 0.7, pattern: /\b(?:we|our|us|ours|the team|our team)\b/ },

  // --- documented behaviour -----------------------------------------------------------------
  { id: 'how-do-i', category: 'documented', weight: -2.0,
    pattern: new RegExp(LEAD + String.raw`(?:how (?:do|can|would|could) (?:i|you|one|a client|clients|an app|apps)|how to|how does|how do (?:the|this|these|it)|how is|how are)\b`) },
  { id: 'what-is-fact', category: 'documented', weight: -1.2,
    pattern: new RegExp(LEAD + String.raw`(?:what|which) (?:is|are|does|do|was|were|kind|type|types|format|fields?|values?|parameters?|params?|headers?|scopes?|status|http|error|columns?|tables?|endpoints?|happens)\b`) },
  { id: 'where-is', category: 'documented', weight: -1.5,
    pattern: new RegExp(LEAD + String.raw`(?:where (?:is|are|can|do|does|did|would|could)|in which|is there|are there|can i|could i|do i need|does (?:the|this|it|a|an|each|every)|is (?:the|this|there)|is it (?:possible|supported|documented|required|optional|mandatory)|are (?:the|these)|how many|how long is|how long are|how long does|how often)\b`) },
  { id: 'why-observed', category: 'documented', weight: -2.4,
    pattern: new RegExp(String.raw`\bwhy (?:\w+ ){0,1}(?:does|do|did|is|are|am|would|was|were|can|cannot|might|could)\b(?!(?: \w+)? ${TEAM}\b).*\b${OBSERVED}\b`) },
  { id: 'why-we-observe', category: 'documented', weight: -2.4,
    pattern: new RegExp(String.raw`\bwhy (?:do|did|does|are|am|would|can|cannot) (?:we|you|users|clients|people) ${WE_OBSERVE}`) },
  { id: 'why-i', category: 'documented', weight: -1.6,
    pattern: /\bwhy (?:\w+ )?(?:am i|do i|did i|does my|is my|are my|can i|cannot i|can not i|would i|i am|i keep|i get|i cannot)\b/ },
  { id: 'http-or-error', category: 'documented', weight: -1.4,
    pattern: new RegExp(String.raw`\b(?:${HTTP_CODE}|4xx|5xx|status code|error code|error message|exception|stack trace|unauthori[sz]ed|forbidden|not found|bad request|unprocessable|too many requests|rate limited|timeout|timed out|validation error)\b`) },
  { id: 'doc-noun', category: 'documented', weight: -0.8,
    pattern: /\b(?:endpoints?|apipath|codeterm|parameters?|params?|query string|fields?|columns?|tables?|headers?|request body|response body|payload|response|request|entity|entities|attributes?|scopes?|access token|oauth|json|http|get|post|put|patch|delete|route|foreign key|primary key|index|indexes|default|defaults|max|maximum|min|minimum|limit|limits|format|docs?|documentation|documented|the api|this api|the spec)\b/ },
  { id: 'why-present-thing', category: 'documented', weight: -1.4,
    pattern: new RegExp(String.raw`\bwhy (?:is|are|does|do) (?!${TEAM}\b|our\b|there\b|it\b|that\b|you\b|i\b)(?:the |this |these |those |a |an |some |each |every |my )?(?!team\b)[\w-]+`) },
  { id: 'explain-or-difference', category: 'documented', weight: -1.4,
    pattern: /\b(?:explain|difference between|differences between|what is the difference|distinguish|compared to|meaning of|what (?:does|do) (?:\S+ ){1,8}mean)\b/ },
  { id: 'why-product-behaviour', category: 'documented', weight: -2.0,
    pattern: new RegExp(String.raw`\bwhy (?:does|do|is|are|would|will|can|cannot|might) (?:the|this|that|these|those|a|an|my|each|every|some) (?:[\w-]+ ){0,2}?${PRODUCT}\b`) },
  { id: 'usage-scenario', category: 'documented', weight: -1.0,
    pattern: /\b(?:when|if|after|before|whenever|once) (?:i|you|a user|the user|users|a client|the client|clients|someone|my app|the app) (?!should\b|want\b)\w+/ },
  { id: 'should-format', category: 'documented', weight: -2.0,
    pattern: new RegExp(LEAD + String.raw`should (?:the|my|a|an) (?:[\w-]+ ){0,2}?${PRODUCT} (?:include|contain|start with|end with|be (?:encoded|sent|formatted|url-?encoded|escaped|quoted|signed|base64|json|a|an|in|of|null|empty|set|present|required|optional))\b`) },
  { id: 'best-way-howto', category: 'documented', weight: -2.2,
    pattern: /\b(?:best|easiest|simplest|fastest|quickest|right|correct|proper|recommended) way (?:to|of) (?:get|getting|fetch|fetching|list|listing|find|finding|call|calling|retrieve|retrieving|page|paging|paginate|paginating|query|querying|search|searching|upload|uploading|download|downloading|create|creating|delete|deleting|read|reading|authenticate|authenticating|post|posting|count|counting|filter|filtering|detect|detecting|check|checking|tell)\b/ },
  { id: 'procedural-should', category: 'documented', weight: -1.8,
    pattern: new RegExp(String.raw`\bwhich ${PRODUCT} (?:[\w-]+ )?should\b|\bwhat (?:should|must) (?:the|my|a|an|each|every) (?:[\w-]+ ){0,3}?${PRODUCT}\b`) },
  { id: 'procedural-how-should', category: 'documented', weight: -1.8,
    pattern: /\bhow (?:should|do|must) (?:i|we|my app|the client|clients|the app|an app|a client) (?:encode|format|send|pass|call|authenticate|escape|sign|specify|set|include|provide|request|upload|attach|construct|serialize|url-?encode|quote|page|paginate|authorize|register|refresh|retry|get|fetch|find|list|create|look up|query|document|obtain|generate)\b/ },
  { id: 'code-identifier', category: 'documented', weight: -0.8, pattern: /\b[a-z][a-z0-9]*_[a-z0-9_]+\b/ },
  { id: 'docs-recommend', category: 'documented', weight: -3.0,
    pattern: /\b(?:the )?(?:docs?|documentation|api|spec|guide|readme|mastodon|discourse|server) (?:\w+ )?(?:recommends?|suggests?|says|advises?|requires?)\b|\b(?:recommended|suggested) (?:by|in) (?:the )?(?:docs?|documentation|api|spec|guide)\b/ },
  { id: 'first-person-task', category: 'documented', weight: -0.7,
    pattern: /\b(?:i|my) (?:\w+ ){0,2}(?:call|calling|fetch|fetching|send|sending|request|requesting|query|querying|post|posting|upload|uploading|try|trying|use|using)\b/ },
];

/**
 * A why-question with nothing observed in it ("why is there an X endpoint instead of Y", "why is
 * pagination cursor-based") asks why the product was made that way: design rationale. Applied
 * only when no documented-behaviour why-signal fired.
 */
export const WHY_UNOBSERVED: IntentSignal = {
  id: 'why-unobserved', category: 'rationale', weight: 1.6, pattern: /(?:^|\s)why\b/,
};
export const OBSERVED_WHY_SIGNALS = new Set(['why-observed', 'why-we-observe', 'why-i', 'http-or-error', 'why-product-behaviour', 'why-present-thing']);
