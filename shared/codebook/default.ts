/**
 * The code book a new project starts with, drawn from the dynamic-security studies (officer
 * rapport and boundaries; therapeutic alliance in women's corrections; legitimacy and "no
 * snitching" at Halden; relational mediation in French prisons). Definitions are written for
 * coders; examples are invented. Parent codes are for talk about the theme as a whole that fits
 * no child. No GUIDs here: a project mints them when it is created.
 *
 * Colours: one hue family per branch, each readable under black text (contrast above 10:1) and
 * at least ~9 ΔE apart from every other code.
 */
import type { CodeSpec } from './tree.js';

interface Text {
  definition: string;
  inclusion: string;
  exclusion: string;
  example: string;
}

function code(name: string, color: string, text: Text, children: CodeSpec[] = []): CodeSpec {
  return { name, color, ...text, children };
}

const rapport = code(
  'Rapport',
  '#7fbef3',
  {
    definition: 'Staff building and keeping a working connection with people in custody, used to know what is going on and to keep the unit calm.',
    inclusion: 'Talk about getting along with, knowing or relating to prisoners as a security practice; use a child code when one fits.',
    exclusion: 'Treatment or counselling bonds (Therapeutic alliance); limits on closeness (Boundaries).',
    example: 'If you know the guys on your range, you know when something is off before it starts.',
  },
  [
    code('Working relationships', '#9ce4fe', {
      definition: 'Day-to-day cooperative relations between officers and prisoners that let the work get done.',
      inclusion: 'Describing how a usable relationship is formed or kept; trust built through routine contact.',
      exclusion: 'Relationships described as therapeutic or rehabilitative (Therapeutic alliance/Bonding).',
      example: 'I treat them straight and most of them will work with me, even on a bad day.',
    }),
    code('Information flow', '#c2d4fd', {
      definition: 'Prisoners passing information to staff, or staff learning about risks, because of the relationship; being "tipped off".',
      inclusion: 'Warnings, tips, hints about trouble, intelligence gained through conversation.',
      exclusion: 'Refusal to pass information or fear of being seen to (No snitching); cameras and searches (Static security).',
      example: 'One of the older men pulled me aside and said, keep an eye on the shower block tonight.',
    }),
    code('De-escalation', '#a1bcff', {
      definition: 'Using the relationship or talk to calm a tense or volatile situation before it turns into an incident.',
      inclusion: 'Talking someone down, defusing an argument, preventing a fight through presence or words.',
      exclusion: 'Formal mediation after a conflict (Conflict resolution); force or segregation (Static security/Coercive measures).',
      example: 'He was shouting at the door, so I just stood there and let him vent until he sat down.',
    }),
    code('Communication', '#67ccf5', {
      definition: 'Open, ongoing, two-way talk between staff and prisoners, formal or informal, and the skills it needs.',
      inclusion: 'Explaining decisions, listening, tone, making time to talk; interpersonal skills named as important.',
      exclusion: 'Talk whose purpose is extracting information (Information flow); the content of respect itself (Respect).',
      example: 'She actually explains why the visit got moved instead of just saying no.',
    }),
    code('Presence', '#92c6e5', {
      definition: 'Officers being visibly on the unit, available and engaged in shared activities rather than watching from a post.',
      inclusion: 'Walking the range, joining activities, being around and approachable; absence of staff noted as a problem.',
      exclusion: 'Surveillance from a control room or camera (Static security/Physical security).',
      example: 'The good ones come out of the bubble and play cards with us on a Sunday.',
    }),
  ],
);

const therapeutic = code(
  'Therapeutic alliance',
  '#6ccac4',
  {
    definition: 'The collaborative, caring bond between staff (often parole or contact officers) and a prisoner that supports rehabilitation and adjustment.',
    inclusion: "Relationships framed as helping change, treatment or wellbeing, including in women's institutions; use a child code when one fits.",
    exclusion: 'Relationships valued mainly for order and information (Rapport).',
    example: 'My parole officer is the first person in here who asked what I want for when I get out.',
  },
  [
    code('Bonding', '#a4fedb', {
      definition: 'The felt closeness, trust and relational health between a prisoner and a staff member.',
      inclusion: 'Feeling connected to, trusting or being understood by a named staff member; its effect on coping or behaviour.',
      exclusion: 'Trust in the institution or its rules in general (Respect/Legitimacy).',
      example: 'I trust her. When things got bad with my kids she was the one I went to.',
    }),
    code('Support', '#c0f4ec', {
      definition: 'Words or practical acts by staff that show a prisoner is supported, such as help with plans, problems or goals.',
      inclusion: 'Help with a future plan, following up a request for help, encouragement, practical assistance.',
      exclusion: "Keeping one's word in general (Respect/Consistency) unless framed as help.",
      example: 'He sat down with me and wrote out the steps for getting into the welding course.',
    }),
    code('Therapeutic legitimacy', '#84fbfc', {
      definition: 'Whether prisoners accept officers as having a real part in treatment and rehabilitation, not only in control.',
      inclusion: 'Statements that officers can or cannot help with rehabilitation; "the uniform gets in the way".',
      exclusion: "Acceptance of officers' authority to enforce rules (Respect/Legitimacy).",
      example: 'They are guards. Nice guards, fine, but I do my programme with the psychologist, not with them.',
    }),
    code('Role tension', '#a3c8b8', {
      definition: "The strain between an officer's security and enforcement role and a helping or therapeutic role.",
      inclusion: 'Staff or prisoners describing conflicting expectations: carer versus enforcer, support versus sanction.',
      exclusion: 'Resource limits that stop the helping role (Operational demands).',
      example: 'Monday I am his contact officer, Tuesday I am the one writing him up. He remembers Tuesday.',
    }),
  ],
);

const boundaries = code(
  'Boundaries',
  '#e9a679',
  {
    definition: 'Limits staff keep on closeness with prisoners so that rapport does not compromise safety or professionalism.',
    inclusion: 'Keeping separation, deciding what is off limits, colleagues with "skewed" boundaries; use a child code when one fits.',
    exclusion: 'Rapport itself (Rapport); rule enforcement against prisoners (Discretion/Rule enforcement).',
    example: 'You can be friendly without being their friend. That line is there for a reason.',
  },
  [
    code('First names', '#fce0b8', {
      definition: 'How staff and prisoners address each other, especially refusing or allowing first names.',
      inclusion: 'Rules or preferences about names, titles and surnames in either direction.',
      exclusion: 'Other personal information (Personal details).',
      example: 'It is Officer Grant on the unit. Nobody in here needs to know what my mum calls me.',
    }),
    code('Personal details', '#dcb3a7', {
      definition: 'Staff withholding, or disclosing, information about their own lives, families and homes.',
      inclusion: 'Questions about marriage, children, where an officer lives; deciding what to share.',
      exclusion: 'Prisoners disclosing their own sensitive details (No snitching/Private disclosure).',
      example: 'They ask if I have kids and I just say, we are here to talk about you, not me.',
    }),
    code('Inappropriate comments', '#feac9a', {
      definition: 'Remarks from prisoners that cross a line (flirting, comments on appearance, over-familiarity) and how staff respond.',
      inclusion: 'Compliments on looks, sexual or personal remarks, staff shutting them down or letting them pass.',
      exclusion: 'Abuse or threats (Static security or De-escalation, depending on the response).',
      example: 'He said my hair looked nice today and I told him that is not a conversation we are having.',
    }),
    code('Professional distance', '#dab78c', {
      definition: 'Keeping an overall professional separation while still being empathetic; caring within limits.',
      inclusion: 'Metaphors or principles about degrees of separation, empathy without attachment, not getting too close.',
      exclusion: 'A specific boundary about names, personal details or comments (use that child).',
      example: 'I will help you like I would help anyone at a bus stop, but I go home at six.',
    }),
  ],
);

const discretion = code(
  'Discretion',
  '#cba6e8',
  {
    definition: 'How officers choose to use their authority: when to apply rules strictly and when to bend them.',
    inclusion: 'Judgement calls about rules and sanctions; use a child code when one fits.',
    exclusion: 'Whether authority is accepted as rightful (Respect/Legitimacy).',
    example: 'Some of them look at the whole day before deciding whether a thing is worth a charge.',
  },
  [
    code('Fair and flexible authority', '#fed1f6', {
      definition: 'Authority balanced with flexibility and compassion; using judgement rather than always going by the book.',
      inclusion: 'Letting small things go for good reason, giving a warning first, weighing circumstances.',
      exclusion: 'Applying the same standard to everyone (Respect/Consistency).',
      example: 'I was five minutes late back from the call because my daughter was crying, and she let it go.',
    }),
    code('Rule enforcement', '#c8b4dc', {
      definition: 'Strict, by-the-book application of rules and the use of threatened sanctions to get compliance.',
      inclusion: 'Rigid rule-following, threats of discipline or reports, frustration with "by the book" officers.',
      exclusion: 'Physical or formal coercion actually applied (Static security/Coercive measures).',
      example: 'He writes you up for a towel on the bed. Every time. No talk, just the paper.',
    }),
  ],
);

const respect = code(
  'Respect',
  '#8fc990',
  {
    definition: 'Mutual regard between staff and prisoners, often described as a two-way exchange.',
    inclusion: 'Giving or withholding respect, respect earned or returned; use a child code when one fits.',
    exclusion: 'Politeness used only as a tactic to gather information (Information flow).',
    example: 'Show me respect and you will get it back. Simple as that.',
  },
  [
    code('Legitimacy', '#ddf6bc', {
      definition: 'Prisoners seeing staff authority as rightful and fair, so that they comply without coercion.',
      inclusion: "Accepting an officer's decisions, seeing staff as fair authority, or rejecting them as illegitimate.",
      exclusion: 'Legitimacy in the treatment role (Therapeutic alliance/Therapeutic legitimacy).',
      example: 'When he says lock-up, we go. He has never played games with us, so there is no point fighting it.',
    }),
    code('Dignity', '#b6c59a', {
      definition: 'Being treated as a person of worth: courtesy, privacy, not being humiliated or degraded.',
      inclusion: 'Humane treatment, tone and manners, being spoken to as an adult, degrading treatment described.',
      exclusion: 'Follow-through on promises (Consistency).',
      example: 'She knocks before she opens the hatch. Small thing, but it says you are still a person.',
    }),
    code('Consistency', '#70d5af', {
      definition: "Keeping one's word and treating people the same over time; respect shown as follow-through.",
      inclusion: 'Doing what was promised, answering requests, even-handedness across prisoners and shifts.',
      exclusion: 'Deliberate flexibility for a particular case (Discretion/Fair and flexible authority).',
      example: 'If he says he will chase up my canteen form, it is done by the afternoon.',
    }),
  ],
);

const noSnitching = code(
  'No snitching',
  '#ef9ca9',
  {
    definition: 'Prison norms and fears that keep prisoners from telling staff about conflicts, rule-breaking or their own problems.',
    inclusion: 'Reluctance to inform or confide, and its reasons; use a child code when one fits.',
    exclusion: 'Cases where information is in fact passed to staff (Rapport/Information flow).',
    example: 'Whatever happens on the wing stays on the wing. You sort it yourself.',
  },
  [
    code('Code of silence', '#fdaad4', {
      definition: 'The shared rule among prisoners not to involve staff or trust those in authority.',
      inclusion: 'Statements of the norm, pressure from peers, "not talking to the police" culture.',
      exclusion: 'Personal fear of the consequences of being known as an informer (Informant label).',
      example: 'Nobody here goes to the office about a fight. That is just how it works.',
    }),
    code('Informant label', '#fdd1d8', {
      definition: 'The risk, stigma or danger of being seen as a "rat" or informer for talking to staff.',
      inclusion: 'Fear of retaliation, being seen chatting to officers, reputations damaged by contact with staff.',
      exclusion: 'The general norm without personal risk (Code of silence).',
      example: 'If I stand at the office too long, people start asking what I was saying.',
    }),
    code('Private disclosure', '#dcafc4', {
      definition: 'What prisoners will or will not share with staff about their own lives, and the conditions (privacy, trust) needed to share.',
      inclusion: 'Withholding sensitive personal details, confiding only in private, confiding suffering or risk of self-harm.',
      exclusion: 'Staff sharing their own details (Boundaries/Personal details).',
      example: 'I will tell him about my parole hearing, but not about what goes on in my head at night.',
    }),
    code('Distrust of motives', '#feb9b8', {
      definition: 'Suspicion that officers talk to prisoners not out of genuine interest but to gather intelligence.',
      inclusion: 'Friendly talk seen as a tactic, conversations treated as interrogation, guardedness with officers.',
      exclusion: 'Distrust of rules or sanctions in general (Respect/Legitimacy).',
      example: 'He asks how my weekend was, but you know it all goes in the book.',
    }),
  ],
);

const conflict = code(
  'Conflict resolution',
  '#b5bf73',
  {
    definition: 'Structured ways of resolving conflicts between prisoners, or with staff, without disciplinary sanctions.',
    inclusion: 'Mediation, dialogue after incidents, alternatives to discipline; use a child code when one fits.',
    exclusion: 'Calming a situation in the moment (Rapport/De-escalation).',
    example: 'Instead of both of us going to the block, they sat us down in a room together.',
  },
  [
    code('Relational mediation', '#fbee96', {
      definition: 'A trained mediator (staff or a trained prisoner) helping the people in a conflict repair their relationship and keep living side by side.',
      inclusion: 'Mediation sessions, facilitator prisoners, saving face, restoring balance on the wing.',
      exclusion: 'Repair of harm to a victim framed as justice (Restorative justice).',
      example: 'The mediator was one of us, and he made sure neither of us looked weak at the end.',
    }),
    code('Restorative justice', '#bee394', {
      definition: 'Processes in which those who caused harm acknowledge it and make amends to those harmed.',
      inclusion: 'Apologies, making good a loss, victim and offender meeting, accountability without punishment.',
      exclusion: 'Mediation focused only on ending a dispute (Relational mediation).',
      example: 'I paid back the phone card and said sorry to his face. That ended it better than a charge would.',
    }),
  ],
);

const staticSecurity = code(
  'Static security',
  '#abb8ce',
  {
    definition: 'Security through physical barriers, procedures and coercion rather than relationships; the contrast to dynamic security.',
    inclusion: 'Locks, cameras, layout, routines, counts, sanctions, transfers, force; comparisons with the relational approach.',
    exclusion: 'Security achieved through relationships (any other branch).',
    example: 'Back then it was all doors and cameras. You never had to speak to anyone.',
  },
  [
    code('Physical security', '#cee9fc', {
      definition: 'Locks, walls, cameras, control rooms and the physical layout of the prison.',
      inclusion: 'Surveillance technology, barriers, cell design, staff behind glass.',
      exclusion: 'Rules and routines (Procedural security).',
      example: 'There are cameras in every corner now, so people just wait for the blind spot.',
    }),
    code('Procedural security', '#d1d2e7', {
      definition: 'Rules, schedules, counts, searches and other routines that keep order.',
      inclusion: 'Daily regime, searches, movement controls, paperwork; "maintaining order".',
      exclusion: "An officer's choice about how strictly to apply a rule (Discretion).",
      example: 'Count at eight, unlock at half past, and nothing moves until the numbers are right.',
    }),
    code('Coercive measures', '#e9eaf7', {
      definition: 'Force and formal sanctions used to control behaviour: segregation, disciplinary cells, transfers, restraint, charges.',
      inclusion: 'Use of force, segregation, punitive transfers, disciplinary hearings and their effects.',
      exclusion: 'Threats of sanction without them being applied (Discretion/Rule enforcement).',
      example: 'After the fight they shipped him out to another jail the same night.',
    }),
  ],
);

const operational = code(
  'Operational demands',
  '#d5b36a',
  {
    definition: 'Practical pressures of running the prison that get in the way of relationships and alliances.',
    inclusion: 'Workload, constraints and institutional obstacles to dynamic security; use a child code when one fits.',
    exclusion: 'Prisoner norms that block relationships (No snitching).',
    example: 'You want to sit and talk, but there are forty of them and two of us.',
  },
  [
    code('Staffing', '#ddd79a', {
      definition: 'Staff numbers, shift patterns, turnover and redeployment as they affect contact with prisoners.',
      inclusion: 'Short-staffing, lockdowns for lack of staff, rotating officers who never get to know anyone.',
      exclusion: 'Money, space and programmes (Resources).',
      example: 'I had a different officer every day last month. Who am I supposed to talk to?',
    }),
    code('Resources', '#fec07d', {
      definition: 'Money, time, space, activities and programmes available (or missing) for building relationships.',
      inclusion: 'No time for conversations, lack of activities, cut programmes, budget limits.',
      exclusion: 'Number of staff (Staffing); size of the population (Population size).',
      example: 'The gym has been shut for months, so there is nothing to do together any more.',
    }),
    code('Population size', '#fed899', {
      definition: 'How the size and crowding of the prison population limits individual attention and the reach of the model.',
      inclusion: 'Large or overcrowded units, scaling a small-prison model up, crowding as a cause of tension.',
      exclusion: 'Staff numbers alone (Staffing).',
      example: 'That works in a prison of two hundred. We have two hundred on one block.',
    }),
    code('Staff buy-in', '#dccc75', {
      definition: 'Whether staff accept, resist or are trained for a relational approach to security.',
      inclusion: 'Training, scepticism, resistance to formalising relationships, colleagues who refuse to engage.',
      exclusion: "Individual officers' boundaries (Boundaries).",
      example: 'Half the old hands think talking to them is going soft, and they say so in the mess.',
    }),
  ],
);

function deepFreeze(specs: CodeSpec[]): CodeSpec[] {
  for (const s of specs) {
    deepFreeze(s.children);
    Object.freeze(s.children);
    Object.freeze(s);
  }
  return Object.freeze(specs) as CodeSpec[];
}

/** Frozen, so no caller can alter the template for everyone; use defaultCodebook() to edit. */
export const DEFAULT_CODEBOOK: CodeSpec[] = deepFreeze([
  code(
    'Dynamic security',
    '#d6d6d6',
    {
      definition: 'Security maintained through staff-prisoner relationships, communication and presence, as opposed to only barriers and procedures.',
      inclusion:
        'General talk about the dynamic security model, its aims (safety, rehabilitation, less violence) or whether it works, when no child code fits.',
      exclusion: 'Anything a more specific code captures; prefer the child.',
      example: 'Knowing the people you look after is the best security system we have got.',
    },
    [rapport, therapeutic, boundaries, discretion, respect, noSnitching, conflict, staticSecurity, operational],
  ),
]);

/** A fresh, mutable copy of the default code book. */
export function defaultCodebook(): CodeSpec[] {
  return structuredClone(DEFAULT_CODEBOOK);
}
