/** The excerpt fixture's words (no imports, so a Playwright spec can read them without loading the services). */
export const TEXTS = {
  'co-01.txt':
    'Interviewer: How do you build rapport?\nCO Martin: That dynamic security, that rapport can take a possible situation from completely exploding and make it manageable. 🙂\n\nInterviewer: And boundaries?\nCO Martin: I decided very early on that no inmates were going to call me by my first name.',
  'co-02.txt':
    'Interviewer: Tell me about rapport.\nOfficer: You need to form some type of working relationship with the offenders so that somebody usually gets tipped off.\n\nInterviewer: Anything else?\nOfficer: Nothing comes to mind, honestly.',
  'co-03.txt':
    'Interviewer: Boundaries?\nOfficer: Over the years I’ve heard people talking about their personal lives. That’s a big no-no, café talk or not.\n\nInterviewer: Rapport?\nOfficer: Not much.',
  'ip-01.txt': 'Interviewer: What about staff?\nParticipant: Some officers are fair. Others, not so much — Émilie was always respectful.',
} as const;

export const VTT = `WEBVTT

00:00:01.000 --> 00:00:04.000
<v Interviewer>What about boundaries?

00:01:02.000 --> 00:01:06.500
<v Participant>They never say their first names.

00:01:07.000 --> 00:01:10.000
<v Participant>That is the rule here.
`;

export const CASES_CSV = `case,role,institution
CO-01,Correctional officer,Institution A
CO-02,Correctional officer,Institution B
CO-03,Correctional officer,Institution A
IP-01,Incarcerated person,Institution B
IP-02,Incarcerated person,Institution A
`;

export const PROJECT_MEMO = `# Establishing Rapport with Offenders

## Key words
dynamic security, staff-offender relations

## What it means
Correctional Officers must carefully establish rapport with offenders while also maintaining appropriate boundaries.

## Why we did this study
The role of dynamic security has become increasingly important in managing correctional operations.
`;

/** The quotes as the export prints them (labels stripped, ellipses where the coding starts or ends mid-sentence). */
export const QUOTES = {
  co01Rapport: 'That dynamic security, that rapport can take a possible situation from completely exploding and make it manageable. 🙂',
  co02Rapport: '… form some type of working relationship with the offenders …',
  ip01Rapport: '… Émilie was always respectful.',
  co01Boundaries: 'I decided very early on that no inmates were going to call me by my first name.',
  co03Boundaries: 'Over the years I’ve heard people talking about their personal lives. That’s a big no-no, café talk or not.',
  ip02Boundaries: 'They never say their first names.',
} as const;
