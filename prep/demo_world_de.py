"""The German demo's world: Mittelstand customers and what the rep wrote about them.

Words only: prep/demo.py makes the meetings, the same way in every language (see `World`
there for what each name holds). Text in braces is filled per meeting: {customer},
{contact} (as the rep addresses them: „Frau Dr. Lorenz“), {industry} (fits „aus dem
Bereich …“), {quarter} (the one after the meeting), {week} (the calendar week ten days
after it) and, in a follow-up, {due_week} (the week it is due).

Written as a rep writes notes: short, with the abbreviations of the trade — AP
(Ansprechpartner), GF (Geschäftsführung), KW, T€, LV (Leistungsverzeichnis), BR (Betriebsrat).
"""

from __future__ import annotations

import random

LANGUAGE = "de"
# The checklist of a customer's first meeting, second, third…: then an offer, then a renewal.
STAGES = ("erstgespraech", "folgetermin", "folgetermin", "angebot-verhandlung", "verlaengerung-bilanz")

# The order counts: with the default seed it gives a history with follow-ups overdue and due
# on any weekday (tests/unit/test_german_demo.py), as a rep opening the demo should see.
CUSTOMERS: list[tuple[str, str, list[str]]] = [
    ("Albrecht Logistik GmbH", "Logistik", ["Frau Albrecht, kaufmännische Leiterin", "Herr Kowalski, Leiter Disposition"]),
    ("Stadtwerke Lindenau GmbH", "Energieversorgung", ["Herr Dr. Seidel, Leiter Netzbetrieb", "Frau Krämer, Einkauf und Vergabe"]),
    ("Hagedorn Maschinenbau GmbH", "Maschinenbau",
     ["Herr Hagedorn, Geschäftsführer", "Frau Yilmaz, Leiterin Einkauf", "Herr Dr. Brenner, Leiter Fertigung"]),
    ("Nordstern Versicherung AG", "Versicherungen", ["Frau Dr. Lorenz, Bereichsleiterin Schaden", "Herr Vogt, IT-Leiter"]),
    ("Kessler Kunststofftechnik GmbH", "Automotive", ["Frau Kessler, Geschäftsführerin", "Herr Schäfer, Werkleiter"]),
    ("Weißenfels Bau AG", "Bauwirtschaft", ["Herr Reinhardt, Vorstand Finanzen"]),
    ("Feldmann Großhandel GmbH", "Großhandel",
     ["Herr Feldmann, geschäftsführender Gesellschafter", "Frau Nowak, Leiterin Filialorganisation"]),
    ("Quadrix Software AG", "Software", ["Frau Petersen, COO", "Herr Aydin, CFO"]),
]

# Made-up customers for a big demo: a place and a kind of company; a name taken twice gets a branch.
PLACES = ["Rheintal", "Elbtal", "Nordhafen", "Lindenau", "Schwarzwald", "Havelland", "Mainfranken", "Allgäu",
          "Bodensee", "Emsland", "Oberland", "Saaletal", "Neckartal", "Weserland", "Moselblick", "Spessart"]
COMPANIES = [("{place} Logistik{branch} GmbH", "Logistik"), ("{place} Maschinenbau{branch} GmbH", "Maschinenbau"),
             ("Stadtwerke {place}{branch} GmbH", "Energieversorgung"), ("{place} Versicherung{branch} AG", "Versicherungen"),
             ("{place} Software{branch} AG", "Software"), ("{place} Handelsgesellschaft{branch} mbH", "Großhandel"),
             ("{place} Antriebstechnik{branch} GmbH", "Maschinenbau"), ("{place} Kunststofftechnik{branch} GmbH", "Automotive"),
             ("{place} Bau{branch} AG", "Bauwirtschaft"), ("{place} Lebensmittel{branch} GmbH", "Lebensmittelindustrie"),
             ("{place} Systemhaus{branch} GmbH", "IT-Dienstleistung"), ("{place} Kliniken{branch} AG", "Gesundheitswesen")]
BRANCHES = ["Nord", "Süd", "Ost", "West", "Mitte"]
_LAST = ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Becker", "Hoffmann", "Schäfer", "Koch", "Richter",
         "Wolf", "Schröder", "Neumann", "Zimmermann", "Krüger", "Hartmann", "Lange", "Köhler", "Jäger", "Öztürk",
         "Nowak", "Kowalski", "Haas", "Brandt", "Vogel", "Günther"]
# A role as written after „Herr …“ and after „Frau …“.
_ROLES = [("Geschäftsführer", "Geschäftsführerin"), ("Leiter Einkauf", "Leiterin Einkauf"),
          ("IT-Leiter", "IT-Leiterin"), ("kaufmännischer Leiter", "kaufmännische Leiterin"),
          ("Werkleiter", "Werkleiterin"), ("Leiter Controlling", "Leiterin Controlling"), ("CFO", "CFO"),
          ("Prokurist", "Prokuristin"), ("Teamleiter Disposition", "Teamleiterin Disposition")]


def person(rng: random.Random) -> str:
    """A made-up contact person as a German rep writes one down: „Frau Dr. Krüger, Leiterin Einkauf“."""
    woman = rng.random() < 0.45
    title = "Dr. " if rng.random() < 0.12 else ""
    return f"{'Frau' if woman else 'Herr'} {title}{rng.choice(_LAST)}, {rng.choice(_ROLES)[woman]}"


# What a meeting is for, by checklist id; "" for any other checklist.
GOALS: dict[str, list[str]] = {
    "erstgespraech": ["Bedarf verstehen: Wie planen sie heute, und lohnt sich ein Pilot?",
                      "Kennenlernen nach dem Messegespräch; klären, wer außer dem AP mitentscheidet",
                      "Lage und Leidensdruck verstehen, Zeitrahmen und Budget abklopfen"],
    "folgetermin": ["Umfang eines zweiwöchigen Pilotprojekts abstimmen", "Offene Punkte aus dem IT-Sicherheitsfragebogen klären",
                    "Workshop-Ergebnisse vorstellen, Entscheidungsweg bis zur Freigabe klären",
                    "Neuen Einkaufsleiter kennenlernen und die Beziehung wieder aufnehmen"],
    "angebot-verhandlung": ["Angebot vorstellen und verstehen, wie entschieden wird",
                            "Preisgespräch mit dem Einkauf: Rabattforderung, Laufzeit, Zahlungsziel",
                            "Vertragsentwurf durchgehen, Änderungswünsche der Rechtsabteilung klären"],
    "verlaengerung-bilanz": ["Laufzeit gemeinsam bilanzieren, Umfang der Verlängerung abstimmen",
                             "Verlängerung vor Ablauf der Kündigungsfrist besprechen, Feedback aus dem Team aufnehmen",
                             "Verstehen, was sich seit der Umstrukturierung geändert hat"],
    "jahresgespraech": ["Jahresgespräch: erreichten Nutzen gemeinsam bilanzieren, Ziele für die nächsten zwölf Monate abstimmen",
                        "Verstehen, warum zwei Standorte kaum noch damit arbeiten",
                        "Neue Bereichsleitung kennenlernen und zeigen, was im ersten Jahr erreicht wurde"],
    "": ["Bedarf verstehen und nächsten Schritt vereinbaren", "Offene Punkte aus dem letzten Termin klären"],
}

# The rep's answer to a checklist item, by item id (an item without one is answered from "problem").
# An id used by several checklists (champion, walk-away, paper-process…) has answers that fit each of them.
ANSWERS: dict[str, list[str]] = {
    "time": ["45 Min. vereinbart. Zu Beginn: „Wir hatten 45 Minuten gesagt – passt das noch?“",
             "1 Std. im Kalender, {contact} wird oft herausgerufen – am Anfang fragen, ob die volle Stunde bleibt.",
             "30 Min. per Teams; wird es knapper, ein Thema festlegen und gleich einen zweiten Termin anbieten."],
    "agenda": ["1) Planung heute, 2) wo es hakt, 3) ob ein Pilot passt. Dann: „Was möchten Sie ergänzen?“",
               "Agenda am Vortag per Mail, mit der Bitte, eigene Punkte zu ergänzen oder zu tauschen.",
               "Saisonspitze und Monatsabschluss – womit möchte {contact} anfangen?"],
    "goals": ["Leidensdruck verstehen. Frage: „Was müsste heute herauskommen, damit sich die Stunde für Sie lohnt?“",
              "Namen der Mitentscheider mitnehmen; fragen, was sich {contact} von dem Termin verspricht."],
    "outcomes": ["„Am Ende steht vielleicht ein Workshop – oder wir merken, dass es nicht passt. Beides ist in Ordnung.“",
                 "Drei Möglichkeiten nennen: Workshop mit den Planern, Termin mit der IT oder ein klares Nein."],
    "situation": ["Planung läuft über drei Excel-Listen, gepflegt von zwei Kollegen; in der Hauptsaison kommen sie nicht hinterher.",
                  "Eigenentwicklung von 2014, der Entwickler ist letztes Frühjahr gegangen. Doku gibt es praktisch keine.",
                  "Jeder Standort arbeitet anders, die Zentrale hat keinen gemeinsamen Überblick. SAP nur in der Buchhaltung."],
    "problem": ["Kurzfristige Änderungen kommen bei den Leuten vor Ort nicht an – sie erfahren es, wenn es zu spät ist.",
                "Der Monatsabschluss kostet vier Tage Handarbeit mit Kopieren und Einfügen, und trotzdem passen die Zahlen nicht zusammen.",
                "Gute Leute gehen, weil die Arbeit stupide ist; Stellen bleiben monatelang unbesetzt."],
    "implication": ["Überstunden in den Spitzenmonaten ca. 15 % der Lohnsumme; zwei Kunden haben sich letztes Jahr beschwert.",
                    "GF entscheidet auf Basis von Zahlen, die eine Woche alt sind; eine falsche Prognose hat einen Auftrag gekostet.",
                    "Jede Kündigung kostet rund drei Monate Produktivität, Einarbeitung nicht eingerechnet."],
    "payoff": ["Weniger Feuerwehr für die Betriebsleitung – {contact}: „endlich planen statt reagieren“.",
               "Der CFO will den Abschluss in einem Tag; das macht eine volle Stelle für Analysen frei."],
    "decision": ["{contact} hat das Budget, die IT muss die Sicherheit freigeben, ab 50 T€ entscheidet die GF mit.",
                 "Ab 100 T€ Ausschreibung über den Einkauf; {contact} unterstützt uns intern, entscheidet aber nicht."],
    "timing": ["Budget fürs nächste Jahr wird im Januar festgelegt; ein Pilot müsste vor März starten.",
               "Keine feste Frist – sie wollen Ergebnisse sehen, bevor die Saison losgeht. Budget steht erst {quarter}."],
    "budget": ["Bis 25 T€ aus dem Standortbudget, darüber Investitionsantrag bei der Zentrale im Jahresplan.",
               "IT-Budget, Freigabe durch den CFO; Projektmittel fürs nächste Jahr bis Oktober beantragen.",
               "Investitionsantrag – ab 50 T€ zeichnet die GF, kleinere Beträge gibt {contact} selbst frei."],
    "learn": ["Wer außer dem AP mitentscheidet – und ob es dafür schon ein Budget gibt.",
              "Ob der Leidensdruck groß genug ist, dass sie dieses Jahr noch etwas tun."],
    "mood": ["Etwas nervös – das Quartal läuft schwach, ich darf nicht drängend wirken.",
             "Entspannt, die Branche kenne ich gut. Risiko: zu viel über unsere Funktionen reden."],
    "their-mood": ["Neugierig, aber unter Zeitdruck – Saisonstart in drei Wochen. Achten, ob ständig aufs Handy geschaut wird.",
                   "Skeptisch, letztes Jahr schlechte Erfahrungen mit einem Anbieter. Zeigt sich an knappen Antworten.",
                   "Unter Druck vom neuen CFO; wird früh nach den Kosten fragen."],
    "next-step": ["Halbtägiger Workshop mit dem Planungsteam vor Ort in KW {week}; {contact} lädt ein, ich schicke die Agenda.",
                  "Telefonat mit der IT zu den Sicherheitsfragen in zwei Wochen; {contact} lädt ein. Plan B: Antworten schriftlich."],
    "promised-last-time": ["Referenzbericht pünktlich geschickt, Referenztelefonat war letzten Dienstag.",
                           "Pilotplan kam zwei Tage zu spät – gleich zu Beginn ansprechen und die finale Version zeigen."],
    "their-promises": ["{contact} wollte die Mengen vom Vorjahr schicken – fehlen noch. Nicht nachtelefonieren, einmal fragen.",
                       "Kontakt zur IT wie versprochen hergestellt."],
    "changed": ["Neuer CFO seit Oktober, Kostenfokus deutlich stärker.",
                "Umstrukturierung abgeschlossen; {contact} verantwortet jetzt die Planung für alle Standorte."],
    "need-payoff": ["„Wenn die Saison ohne Überstunden läuft, habe ich meine Wochenenden wieder.“ Zuerst merken es die Planer.",
                    "{contact} wörtlich: „Endlich Zahlen, auf die sich alle verlassen.“ Zuerst merkt es das Controlling.",
                    "{contact} schätzt es auf eine volle Stelle; als Erste würden es die Standortleiter merken."],
    "criteria": ["Anbindung an SAP, Gesamtkosten über drei Jahre, Referenzen aus dem Bereich {industry}.",
                 "Datenschutz zuerst (Hosting in Deutschland, AV-Vertrag), dann Bedienbarkeit für die Anwender."],
    "process": ["Workshop in zwei Wochen, Empfehlung an die GF im Januar, danach Einkauf.",
                "IT-Sicherheitsprüfung (ca. vier Wochen), BR muss zustimmen, dann erst Vertrag."],
    "champion": ["{contact} – will die Überstunden loswerden, braucht Zahlen für die GF. Bleibt im Haus; Vertretung: Leiter Planung.",
                 "Der Leiter Planung – eine ruhige Saison wäre sein Erfolg. Braucht eine Seite zum Argumentieren; bleibt im Haus.",
                 "{contact}, wechselt aber nächstes Jahr intern – jetzt schon einen zweiten Fürsprecher im Controlling aufbauen."],
    "feeling": ["Ungeduldig – zieht sich seit Monaten. Darf man mir nicht anhören.", "Zuversichtlich, nur der neue CFO macht mir Sorgen."],
    "metrics": ["Planungsaufwand binnen sechs Monaten halbieren, Überstunden in der nächsten Saison unter 5 %.",
                "Monatsabschluss in einem Tag statt in vier, ab dem Jahresabschluss – misst das Controlling."],
    "pain": ["„Jeder Monatsabschluss ist ein Feuerwehreinsatz.“", "„Wir planen auf Zuruf.“"],
    "economic-buyer": ["Unterschrift durch den CFO; einmal getroffen, ihm ist Planbarkeit wichtig.",
                       "Geschäftsführung, noch nicht getroffen – {contact} könnte den Kontakt herstellen."],
    "decision-criteria": ["Preis 40 %, SAP-Anbindung 30 %, Referenzen 30 % (Einkauf und IT). Vorn bei der Anbindung, hinten beim Preis.",
                          "{contact} hat sie festgelegt: Datenschutz, Bedienbarkeit, Dreijahreskosten – bei den ersten beiden vorn."],
    "decision-process": ["Einkauf und IT bewerten bis Monatsmitte, {contact} empfiehlt, die GF entscheidet in KW {week}.",
                         "Lenkungskreis in KW {week}: zwei Anbieter präsentieren, Entscheidung in derselben Woche, dann Vorstand."],
    "paper-process": ["Einkauf braucht drei Vergleichsangebote, Rechtsabteilung ca. drei Wochen.",
                      "Ab 100 T€ muss die Geschäftsleitung freigeben, nächste Sitzung am 15.",
                      "{contact} zeichnet bis 100 T€, vorher Einkauf und Rechtsabteilung – hat zuletzt fünf Wochen gedauert."],
    "competition": ["Bestandsanbieter mit günstigerer Lizenz, dazu die Option Eigenentwicklung.",
                    "Zwei Wettbewerber auf der Shortlist, einer davon deutlich günstiger."],
    "walk-away": ["Max. 8 % Rabatt, nur gegen Laufzeit oder Referenz; ohne Abschluss reicht die Pipeline trotzdem fürs Quartal.",
                  "Untergrenze: zwei Standorte, zwölf Monate Laufzeit. Darunter kein Abschluss."],
    "anchor": ["Wir nennen zuerst: 96 T€ für drei Standorte – begründet mit ihren Überstundenkosten (ca. 140 T€ im Jahr).",
               "Erst nach ihrem Budgetrahmen fragen; kommt keine Zahl, Listenpreis nennen und den Pilot anrechnen."],
    "concession-plan": ["1) Zahlungsziel 60 Tage gegen Referenz, 2) 4 % gegen drei Jahre, 3) Schulungstag nur bei Unterschrift im Quartal.",
                        "Erst Schulungstage (kosten uns wenig), dann Laufzeit, Rabatt zuletzt und klein: 5 %, dann 2 %."],
    "discount-authority": ["Bis 10 % selbst, bis 15 % mit der Vertriebsleitung – vorher klären, ob sie am Tag erreichbar ist.",
                           "Selbst nur Zahlungsziel; Rabatt nur mit dem Vertriebsleiter – 15 Min. direkt nach dem Termin geblockt."],
    "emotions": ["Ich werde defensiv, wenn sie uns mit dem billigsten Angebot vergleichen.", "Nervös wegen der Rabattfrage."],
    "silence": ["Bis zehn zählen, sie zuerst reden lassen.", "Mitschreiben und abwarten."],
    "outcome": ["Pilot für zwei Standorte unterschrieben, Option auf alle.", "Einigung über den Umfang, Preis im Januar."],
    "notice-period": ["Frist endet in sechs Wochen, sonst zwölf Monate mehr. Unser Angebot in KW {week}, {contact} entscheidet danach.",
                      "Drei Monate zum Jahresende kündbar, sonst ein weiteres Jahr. Einkauf will unser Angebot bis KW {week}.",
                      "Läuft Ende {quarter} aus, keine automatische Verlängerung; Angebot sechs Wochen vorher an den Einkauf, CFO zeichnet."],
    "executive-sponsor": ["Der CFO – noch in der Rolle und überzeugt; zuletzt beim Kick-off vor acht Monaten gesprochen.",
                          "GF hat es angestoßen, geht im Frühjahr in den Ruhestand, Nachfolge offen. Zuletzt im Juni gesprochen."],
    "alternatives": ["Planungsmodul im ERP – günstiger, kann weniger. Wollen sie 20 % Nachlass: kleinere Verlängerung, zwei Standorte.",
                     "Zurück zu Excel ist unrealistisch, ein Wechsel dauert ein halbes Jahr. Unsere Linie: ein Jahr zum jetzigen Preis."],
    "value-realised": ["Planungsaufwand um 35 % gesunken; erwartet waren 50 %.",
                       "Reporting dauert jetzt einen Tag, der CFO hat das in der Geschäftsleitung erwähnt.",
                       "Versprochen: Abschluss in einem Tag statt vier. Erreicht: zwei Tage – laut ihrem Controlling."],
    "adoption": ["Zentrale nutzt es täglich; zwei Standorte noch mit Excel, dort nie geschult. Lizenzen dort nicht blind verlängern.",
                 "Nur die Hälfte der Lizenzen ist aktiv; die Nachtschicht hat nie Zugänge bekommen. Lizenzzahl anpassen."],
    "promised-last-term": ["Quartalsgespräche zugesagt – zwei von vier gehalten.", "SAP-Schnittstelle kam einen Monat zu spät."],
    "service-issues": ["Ein Ausfall im März; in Erinnerung ist eher die langsame Reaktion als der Ausfall selbst.", "Keine Eskalationen."],
    "success-story": ["Monatsabschluss von vier auf zwei Tage – kann {contact} der GF mit eigenen Zahlen zeigen.",
                      "Pilotstandort kam erstmals ohne Wochenendschichten durch die Saison.",
                      "Neuer Standort in einer Woche eingeplant statt in einem Monat."],
    "changes-ahead": ["Neue Betriebsleitung ab Januar.", "Zwei weitere Standorte geplant, Eröffnung {quarter}."],
    "goals-next": ["Zwei neue Standorte ab {quarter}; ohne Prognose je Standort wird auf Verdacht eingestellt – ca. zwei Planer zu viel.",
                   "Abschluss in einem Tag; jeder Tag länger heißt eine Woche später entscheiden.",
                   "Planer halten – jede Kündigung kostet rund drei Monate Produktivität."],
    "next-value": ["Prognosen für die neuen Standorte – {contact} rechnet mit einer halben Planerstelle weniger.",
                   "Lieferantenberichte automatisieren: zwei Tage im Monat weniger Arbeit für den Einkauf."],
    "stakeholders": ["Der CFO – hat unterschrieben, war aber nie bei einem Termin.",
                     "Die Teamleiter der zwei Standorte, die ausgestiegen sind.", "Die neue Betriebsleitung, ab Januar im Haus."],
    "learn-goal": ["Warum zwei Standorte aufgehört haben – nicht, um Lizenzen zu verkaufen.",
                   "Woran sie Erfolg messen, seit der neue CFO da ist.",
                   "Was sie streichen würden, wenn das Budget knapp wird – und wo wir dabei stehen."],
    "risk": ["Geringe Nutzung an zwei Standorten – selbst ansprechen, bevor der Kunde es tut.",
             "Die neue Betriebsleitung bringt evtl. ihren alten Lieferanten mit; offen nach ihren Plänen fragen."],
    "stance": ["Offen zur verspäteten Schnittstelle, selbstbewusst bei den Ergebnissen.", "Erst zuhören, den Ausfall nicht verteidigen."],
}
# What only fits one industry: the situation, the problem in the customer's words, what it costs.
BY_INDUSTRY: dict[str, dict[str, list[str]]] = {
    "Logistik": {
        "situation": ["Disposition mit Excel und Telefon: drei Disponenten für ca. 120 Touren am Tag, vor Weihnachten doppelt so viele."],
        "problem": ["Kurzfristige Änderungen kommen im Lager nicht an – „Wir merken es, wenn der Lkw schon auf dem Hof steht.“"],
        "implication": ["Standzeiten und Leerfahrten bei rund 8 % der Touren; zwei Großkunden drohen mit Vertragsstrafen."],
        "pain": ["„Wir merken es, wenn der Lkw schon auf dem Hof steht.“"],
    },
    "Maschinenbau": {
        "situation": ["Auftragsfertigung, ca. 400 MA; Kapazitätsplanung in Excel neben SAP, gepflegt vom Fertigungsleiter selbst."],
        "problem": ["Liefertermine werden zugesagt, ohne die Kapazität in der Montage zu kennen; Termintreue zuletzt 78 %."],
        "implication": ["Sonderschichten und Eilzuschläge bei Zulieferern; ein Kunde hat eine Vertragsstrafe gezogen."],
        "pain": ["„Den Liefertermin macht der Vertrieb, die Montage erfährt es als Letzte.“"],
    },
    "Energieversorgung": {
        "situation": ["Einsatzplanung für Strom, Gas und Wasser getrennt, jede Sparte mit eigener Liste; Monteure teils doppelt unterwegs."],
        "problem": ["Entstörung und geplante Wartung kommen sich ständig in die Quere."],
        "paper-process": ["Zuschlag über die Vergabestelle (Vergaberecht), dann zeichnet die GF – zuletzt knapp drei Monate."],
        "pain": ["„Bei jeder Störung fangen wir mit der Planung von vorn an.“"],
    },
    "Versicherungen": {
        "situation": ["Schadenbearbeitung an drei Standorten, gesteuert über ein Altsystem aus den 2000ern."],
        "problem": ["Bearbeitungszeiten schwanken stark; nach jedem Unwetter wochenlange Rückstände."],
        "criteria": ["Anforderungen aus DORA und BaFin, Hosting in Deutschland, Schnittstelle zum Bestandssystem."],
        "pain": ["„Nach jedem Hagel haben wir sechs Wochen Rückstand.“"],
        "decision-criteria": ["DORA und BaFin zuerst (von der Compliance gesetzt), dann Preis; beim Hosting in Deutschland vorn."],
    },
    "Software": {
        "situation": ["Schnell gewachsen, 180 MA; Ressourcenplanung für Kundenprojekte in Jira und einer Tabelle."],
        "problem": ["Niemand weiß, wer in sechs Wochen frei ist; Projekte starten verspätet."],
        "pain": ["„Wir verkaufen Projekte, die wir nicht besetzen können.“"],
    },
    "Großhandel": {
        "situation": ["Zentrallager plus 14 Filialen; Bestellungen über die Warenwirtschaft, Personalplanung je Filiale auf Papier."],
        "problem": ["Filialen bestellen nach Gefühl – gleichzeitig Überbestände und Fehlmengen."],
        "pain": ["„Im Lager stapelt sich, was in der Filiale fehlt.“"],
    },
    "Automotive": {
        "situation": ["Zulieferer für zwei OEMs, Abrufe kommen per EDI; Schichtplanung trotzdem in Excel."],
        "problem": ["Abrufschwankungen von ±30 % – die Schichtplanung hinkt immer eine Woche hinterher."],
        "pain": ["„Wenn der Abruf kommt, ist der Schichtplan schon falsch.“"],
    },
}

# The rep's own response to a prepared objection, by its id; "" for any other objection.
OBJECTION_ANSWERS: dict[str, list[str]] = {
    "no-need": ["Nicht widersprechen. Fragen, was gut läuft – und was passieren müsste, damit sie das Thema neu ansehen."],
    "no-time": ["30 Min. zusagen und nach dem wichtigsten Thema fragen; sonst gleich einen neuen Termin festmachen."],
    "competitor": ["Wettbewerber nicht schlechtreden. Fragen, was sie dort schätzen und was sie sich anders wünschen."],
    "send-material": ["Zusagen, aber fragen, welche Frage die Unterlagen beantworten sollen; Telefonat danach gleich eintragen."],
    "not-decider": ["Fragen, wie solche Entscheidungen bei ihnen laufen; eine Seite anbieten, die {contact} intern weitergeben kann."],
    "price-early": ["Spanne nennen (ab ca. 20 T€ im Jahr) und sagen, wovon es abhängt; dann zurück zur Lage.",
                    "Seriöse Zahl nur mit ihren Mengen – Richtwert aus einem Projekt im Bereich {industry} nennen."],
    "build-own": ["Ernst nehmen; fragen, wer es baut und pflegt – und was passiert, wenn diese Person geht.",
                  "Vergleich anbieten: Personentage ihrer IT gegen unsere Lizenz über drei Jahre."],
    "still-evaluating": ["Fragen, worauf die Prüfung schaut und wer beteiligt ist; Termin für die Rückmeldung vereinbaren."],
    "business-case": ["Rechnung mit ihren Zahlen aufmachen; Referenz aus dem Bereich {industry} zum Selbstanrufen anbieten."],
    "other-priorities": ["Akzeptieren und fragen, was jetzt Vorrang hat. Nicht drängeln – fragen, wann es wieder passt."],
    "sceptical-stakeholder": ["Bedenken konkret erfragen; Gespräch mit unserer IT-Sicherheit und schriftliche Antworten für den BR anbieten."],
    "broken-promise": ["Nicht rechtfertigen. In einem Satz sagen, was schiefging; kleinere Zusage mit früherem Termin – und halten."],
    "comparing-others": ["Gut so – fragen, nach welchen Kriterien sie vergleichen; Vergleichstabelle gemeinsam ausfüllen.",
                         "Wettbewerber nicht schlechtreden; Referenzkunden nennen, der sich auch beide angesehen hat."],
    "present-internally": ["Präsentation gemeinsam vorbereiten; fragen, ob ich für Rückfragen 15 Min. dazukommen darf.",
                           "Eine Seite für die GF mit ihren Zahlen schreiben; Termin für die Rückmeldung gleich festmachen."],
    "too-expensive": ["Fragen, womit genau verglichen wird; dann Gesamtkosten über drei Jahre mit ihren eigenen Zahlen zeigen.",
                      "Kleineren ersten Umfang anbieten statt Rabatt auf denselben Umfang."],
    "no-budget": ["Fragen, in wessen Budget die Kosten des Problems heute landen; Start {quarter} oder Pilot aus kleinerem Topf."],
    "procurement-discount": ["Nicht sofort nachgeben; 5 % nur gegen drei Jahre Laufzeit oder Vorauszahlung – und Unterschrift heute.",
                             "Fragen, was der Einkauf sonst bekommt; Schulungstage statt Rabatt anbieten."],
    "contract-terms": ["Fragen, welche Klausel und warum; Telefonat mit unserer Rechtsabteilung anbieten statt Mail-Pingpong."],
    "implementation-risk": ["Stufenplan zeigen, Aufwand ihrer Leute in Stunden; Referenzkunde, der die Einführung hinter sich hat."],
    "approval": ["Fragen, worauf die GF schaut; eine Seite in deren Sprache vorbereiten, Termin für die Rückmeldung vereinbaren."],
    "value-not-realised": ["Anerkennen; fragen, was genutzt wird und was nicht – Nutzungsplan mit Namen und Terminen vorschlagen."],
    "price-increase": ["Grund offen erklären. Tauschen statt nachgeben: längere Laufzeit oder Referenz gegen den Preis."],
    "new-decider": ["Um ein Kennenlernen mit der neuen Leitung bitten – erst ihre Ziele hören, dann präsentieren."],
    "vendor-consolidation": ["Fragen, nach welchen Kriterien entschieden wird, wer bleibt – und wo wir bei jedem stehen."],
    "service-problems": ["Nicht verteidigen. Die ganze Geschichte anhören, dann mit Belegen zeigen, was sich seitdem geändert hat."],
    "competitor-offer": ["Fragen, ob es wirklich dasselbe ist – Umfang, Support, Wechselaufwand nebeneinanderlegen.",
                         "Nicht gleich nachlassen; erreichte Ergebnisse zeigen und fragen, was ihnen ein Wechsel wert wäre."],
    "precautionary-notice": ["Ruhig bleiben; fragen, was bis zum Vertragsende passieren müsste, Angebot rechtzeitig vorher schicken.",
                             "Kündigung ernst nehmen: offene Punkte mit Terminen auflisten, Rücknahme der Kündigung vereinbaren."],
    "skip-review": ["Bericht vorab schicken – aber 30 Min. vorschlagen, um die Ziele fürs nächste Jahr abzustimmen.",
                    "Fragen, was im Bericht stehen müsste, damit es keinen Termin braucht; auf 20 Min. am Telefon einigen."],
    "little-use": ["Danke für die Offenheit. Fragen, wer aufgehört hat und warum; Schulung vor Ort anbieten.",
                   "Nutzung je Standort zeigen und gemeinsam entscheiden: schulen oder Lizenzen reduzieren."],
    "support-slow": ["Nicht rechtfertigen; Tickets mit Reaktionszeiten dabeihaben, nach dem Fall fragen, der sie geärgert hat.",
                     "Direkten Draht zur Support-Teamleitung anbieten und eine Reaktionszeit schriftlich zusagen."],
    "promised-feature": ["Prüfen, was zugesagt war; ehrlich sagen, wann es kommt – oder dass es nicht kommt und was wir stattdessen tun.",
                         "Entschuldigen, Termin aus der Produktplanung schriftlich nachreichen, nichts Neues versprechen."],
    "no-budget-for-more": ["Akzeptieren – heute geht es um Nutzen, nicht um Lizenzen. Fragen, wann das nächste Budget geplant wird.",
                           "Zeigen, was sie aus dem bestehenden Umfang noch herausholen können."],
    "reorganisation": ["Fragen, was sich ändert und wer künftig zuständig ist; bis dahin nur kleine Ziele vereinbaren.",
                       "Anbieten, die neue Leitung beim Einstieg zu unterstützen: Überblick über Nutzung und Ergebnisse."],
    "": ["Fragen, was genau dahintersteckt, und erst dann antworten.",
         "Anerkennen und ein kleines Pilotprojekt an einem Standort anbieten, damit sie das Ergebnis selbst prüfen können.",
         "Referenztelefonat mit einem Kunden aus dem Bereich {industry} anbieten.",
         "Vor dem Gehen einen konkreten nächsten Schritt mit Termin vereinbaren."],
}
# A note beside a trust point the rep ticked, by its id; "" for any other point.
TRUST_NOTES: dict[str, list[str]] = {
    "public-profile": ["LinkedIn-Profil und Firmenseite angesehen; alten Post gelöscht, der überheblich klang."],
    "homework": ["Geschäftsbericht gelesen, dazu das Interview in der Fachpresse, in dem {contact} über Digitalisierung spricht."],
    "promise-small": ["Nur zusagen, was bis Freitag zu schaffen ist – Erinnerung im Kalender."],
    "their-agenda": ["Zu Beginn fragen: Wie viel Zeit haben Sie, was soll heute herauskommen?"],
    "contact-wish": ["Lieber E-Mail als Anruf; höchstens ein Kontakt pro Woche."],
    "authentic": ["Offen sagen: Für ihr altes SAP-Release gibt es bei uns keine fertige Schnittstelle."],
    "kept-promises": ["Referenzbericht und Protokoll vom letzten Mal dabei."],
    "contact-rhythm": ["Seit dem letzten Termin drei Mails, gewünscht war eine im Monat – zurückfahren."],
    "remember-personal": ["{contact} war vor dem Umzug an den neuen Standort im Stress – nachfragen, wie es gelaufen ist."],
    "new-insight": ["Benchmark aus drei vergleichbaren Unternehmen dabei, kein Produkt-Update."],
    "honest-fit": ["Klar sagen: Einsatzplanung ja, Lohnabrechnung nein."],
    "no-pressure": ["Kein „Angebot gilt nur bis Freitag“. Echter Grund für den Termin: unsere Kapazität im Januar."],
    "transparent-price": ["Preisblatt aufgeschlüsselt nach Lizenz, Einführung und Support."],
    "written-commitments": ["Zusagen aus dem letzten Termin wörtlich ins Angebot übernommen."],
    "their-risk": ["Risiko Datenübernahme offen ansprechen, mit Plan B."],
    "relationship-check": ["Am Ende fragen, wie {contact} die Verhandlung bisher erlebt."],
    "proof-of-promises": ["Liste der Zusagen dabei: vier gehalten, eine (Schnittstelle) verspätet."],
    "relationship-trend": ["Bewertung übers Jahr von 4 auf 3 gefallen – ansprechen."],
    "contact-preference": ["Vereinbart war quartalsweise, gemeldet haben wir uns monatlich – neu fragen."],
    "people-not-account": ["{contact} ist befördert worden – gratulieren."],
    "their-interest-first": ["Vorschlagen, zwei ungenutzte Lizenzpakete zu streichen."],
    "follow-up-pace": ["Vereinbart: ein Anruf in KW {week}, keine Erinnerungsmails dazwischen."],
    "": ["Vorher angesehen; im Gespräch darauf achten.", "Erledigt, Notiz in der Akte."],
}
# The outcome of a debriefed meeting, by checklist id; "" for any other checklist.
OUTCOMES: dict[str, list[str]] = {
    "erstgespraech": ["Gutes Gespräch, Interesse an einem Pilotprojekt; Workshop-Termin folgt.",
                      "Bedarf bestätigt, aber Budget steht erst {quarter}.", "Kein akuter Bedarf; in einem halben Jahr wieder melden.",
                      "Folgetermin mit der IT vereinbart."],
    "folgetermin": ["Pilot für einen Standort vereinbart, Start in KW {week}.", "Sicherheitsfragen geklärt; Empfehlung geht an die GF.",
                    "Workshop gut gelaufen, {contact} will intern für uns werben.",
                    "Business Case mit ihren Zahlen gerechnet; sie prüfen bis KW {week}.",
                    "Hängt am Betriebsrat; nächster Termin nach dessen Sitzung.",
                    "Andere Themen haben Vorrang; Kontakt auf Wunsch reduziert."],
    "angebot-verhandlung": ["Mündliche Zusage, Vertrag läuft über den Einkauf.",
                            "Einkauf will 12 % Rabatt; Gegenangebot mit drei Jahren Laufzeit bis KW {week}.",
                            "An Wettbewerber verloren (Preis); Beziehung intakt.",
                            "Angebot liegt bei der Geschäftsleitung, Entscheidung in der nächsten Sitzung."],
    "verlaengerung-bilanz": ["Verlängerung um zwei Jahre, zwei weitere Standorte ab {quarter}.",
                             "Verlängerung ja, aber zum alten Preis; Erhöhung abgelehnt.",
                             "Neue Bereichsleitung prüft alle Lieferanten; Entscheidung offen.",
                             "Kunde zufrieden, Nutzung an zwei Standorten noch schwach – Schulung vereinbart."],
    "jahresgespraech": ["Nutzen bestätigt (Abschluss in zwei Tagen), drei Ziele fürs nächste Jahr mit Verantwortlichen.",
                        "Kritik am Support offen besprochen; Reaktionszeit schriftlich zugesagt.",
                        "Schulung für die zwei schwachen Standorte in KW {week} vereinbart.",
                        "Umstrukturierung läuft; nächstes Gespräch mit der neuen Leitung {quarter}."],
    "": ["Gutes Gespräch; sie wollen ein Angebot.", "Nächster Termin mit der IT vereinbart."],
}
# The debrief's notes.
NOTES = [
    "{contact} hat offen über den Druck intern gesprochen. Preiseinwand kam genau wie vorbereitet.",
    "Zweimal nach Datenschutz gefragt (AV-Vertrag, Serverstandort) – beim nächsten Mal klare Antwort parat haben.",
    "Termin fing eine Viertelstunde später an, {contact} hatte nur 20 Min. Gefragt, wie oft Updates gewünscht: einmal im Monat reicht.",
    "Unangekündigt saß jemand aus dem Controlling dabei, skeptisch beim Einführungsaufwand.",
    "Gute Stimmung, {contact} hat uns durch den Betrieb geführt. Nicht zu früh über Preise reden.",
    "AP wechselt zum Jahresende intern – Nachfolge klären, bevor das Angebot rausgeht.",
    "Einkauf war dabei und hat nur über Preise gesprochen; Fachabteilung sieht den Nutzen.",
    "Sehr offenes Gespräch. {contact} möchte lieber per E-Mail informiert werden, Anrufe nur nach Absprache.",
]
# A follow-up and who owes it: "me" (the rep) or "customer".
FOLLOWUPS: list[tuple[str, str]] = [
    ("Referenzbericht aus dem Bereich {industry} schicken", "me"),
    ("Entwurf Pilotplan schicken", "me"),
    ("Angebot bis KW {due_week} schicken", "me"),
    ("Kontakt zur IT-Leitung herstellen", "customer"),
    ("IT-Sicherheitsfragebogen ausgefüllt zurückschicken", "customer"),
    ("Mengengerüst vom Vorjahr schicken", "customer"),
    ("Anrufen, Workshop-Termin abstimmen", "me"),
    ("Preise für die erweiterte Lizenz schicken", "me"),
]
# Why a prepared need turned out changed or wrong, by its id; "" for any other need.
NEED_NOTES: dict[str, list[str]] = {
    "situation": ["Seit dem Sommer testen sie parallel ein Planungsmodul ihres ERP."],
    "problem": ["Eigentliches Problem ist die Fluktuation, nicht das Werkzeug."],
    "implication": ["Überstunden sind kein Thema; das Geld geht über Vertragsstrafen verloren."],
    "promised-last-time": ["Pilotplan kam pünktlich an – nur beim falschen AP."],
    "their-promises": ["Zahlen kamen, aber nur für einen Standort."],
    "changed": ["Neuer CFO kommt erst im Frühjahr, bis dahin keine Entscheidung."],
    "metrics": ["Für sie zählt nicht die Planungszeit, sondern die Termintreue."],
    "pain": ["Der Druck ist kleiner geworden – eine Aushilfe fängt das Gröbste ab."],
    "economic-buyer": ["Es unterschreiben zwei: GF und kaufmännische Leitung – Letztere kennen wir nicht."],
    "paper-process": ["Neue Regel: Verlängerungen über 50 T€ zeichnet jetzt der Vorstand – vier Wochen mehr."],
    "notice-period": ["Im Vertrag steht eine andere Frist als in unserem CRM – schon verstrichen.",
                      "Einkauf hat vorsorglich gekündigt; die Frist spielt keine Rolle mehr."],
    "executive-sponsor": ["Der Sponsor ist im Sommer gegangen, niemand hat übernommen.", "Noch in der Rolle, aber nicht mehr überzeugt."],
    "value-realised": ["Nutzen ist da, sie messen ihn nur anders: weniger Überstunden statt schnellerer Planung."],
    "adoption": ["Die Standorte nutzen es doch – über den Excel-Export, deshalb sieht man es nicht."],
    "promised-last-term": ["Schnittstelle kam pünktlich, gefehlt hat die Schulung."],
    "service-issues": ["Der Ausfall ist vergessen; was noch ärgert, ist eine falsche Rechnung."],
    "changes-ahead": ["Das Wichtigste übersehen: Das Unternehmen wird verkauft, Abschluss im Frühjahr."],
    "goals-next": ["Neue Standorte liegen auf Eis; dieses Jahr geht es nur ums Sparen."],
    "next-value": ["Weniger wert als gedacht – das erledigt bei ihnen künftig ein Werkstudent."],
    "": ["Budget liegt bei der Zentrale, nicht beim Standort.", "Die Hälfte haben sie schon mit einem eigenen Skript gelöst."],
}
# Objections that came up unprepared.
UNPREPARED = [
    "Ihr Unternehmen war wegen eines Datenlecks in der Presse.",
    "Wir wollen einen Festpreis inklusive aller Änderungen.",
    "Können Sie den Go-live-Termin schriftlich garantieren?",
    "Der Betriebsrat muss zustimmen – das dauert bei uns Monate.",
    "Wir brauchen Hosting in Deutschland, keine US-Cloud.",
]
