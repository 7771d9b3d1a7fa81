/// maatstaf's built-in named indicators, in the format users write their own in (docs/indicators.md).
///
/// They live in the binary as text rather than in a resource bundle, so an installed or copied maatstaf needs no
/// bundle beside it (a missing bundle used to stop the program). `maatstaf indicators show ID` prints any of them.
enum BuiltinIndicators {
    static let yaml = #"""
# maatstaf's built-in named indicators. Users add their own in the same format with --indicators FILE;
# the format is documented in docs/indicators.md.
#
# Iv3 indicators list their taakvelden per layout: the key is the first year a layout applies to, and a year uses the
# latest layout that starts at or before it. The Iv3 taakveld layout changed in 2025 (CBS code lists in
# cache/snapshot/iv3-definitions); every code below exists in CBS's code list of its layout year.
# Amounts are Iv3 "lasten" (gross spending) unless the measure says otherwise, per inhabitant on 1 January.
#
# `zero: not-booked` on a statutory service (every municipality provides household help, youth care, income
# support): a reported €0 means the money is booked on another line, so the municipality is left out of groups and
# ranks for that indicator and pointed to `broader`, an indicator that does include it.

indicators:
  - id: wmo.huishoudelijke-hulp
    title: { nl: "Huishoudelijke hulp (Wmo)", en: "Household help (Wmo)" }
    unit: { nl: "euro per inwoner", en: "euros per inhabitant" }
    unit-kind: money
    numerator:
      source: iv3
      measure: lasten
      taakvelden:
        "2017": ["6.71a"]
        "2025": ["6.711"]
    denominator: population
    direction: neither
    zero: not-booked
    broader: wmo.maatwerk
    notes:
      nl: "Bruto uitgaven aan huishoudelijke hulp onder de Wmo 2015. Vanaf 2025 hebben persoonsgebonden budgetten (pgb) een eigen taakveld (6.791) en horen ze niet meer bij 6.711; vóór 2025 konden ze op 6.71a geboekt zijn."
      en: "Gross spending on household help under the Wmo 2015. From 2025 personal budgets (PGB) have their own taakveld (6.791) and are no longer part of 6.711; before 2025 they could be booked on 6.71a."

  - id: wmo.begeleiding
    title: { nl: "Begeleiding (Wmo)", en: "Guidance (Wmo)" }
    unit: { nl: "euro per inwoner", en: "euros per inhabitant" }
    unit-kind: money
    numerator:
      source: iv3
      measure: lasten
      taakvelden:
        "2017": ["6.71b"]
        "2025": ["6.712"]
    denominator: population
    direction: neither
    zero: not-booked
    broader: wmo.maatwerk
    notes:
      nl: "Bruto uitgaven aan begeleiding onder de Wmo. Het pgb staat vanaf 2025 apart (6.791)."
      en: "Gross spending on Wmo guidance (begeleiding). PGB is separate from 2025 (6.791)."

  - id: wmo.maatwerk
    title: { nl: "Maatwerkdienstverlening 18+ (Wmo)", en: "Individual social support 18+ (Wmo)" }
    unit: { nl: "euro per inwoner", en: "euros per inhabitant" }
    unit-kind: money
    numerator:
      source: iv3
      measure: lasten
      taakvelden:
        "2017": ["6.71", "6.71a", "6.71b", "6.71c", "6.71d"]
        "2025": ["6.711", "6.712", "6.713", "6.714", "6.791"]
    denominator: population
    direction: neither
    zero: not-booked
    broader: sociaal-domein.netto
    notes:
      nl: "Alle individueel toegekende Wmo-ondersteuning voor volwassenen: huishoudelijke hulp, begeleiding, dagbesteding en overige maatwerkarrangementen. 2025 telt het pgb Wmo (6.791) mee, dat vóór 2025 binnen deze taakvelden werd geboekt; hulpmiddelen en woningaanpassingen (6.6, vanaf 2025 6.60) tellen niet mee."
      en: "All individually granted Wmo support for adults: household help, guidance, day activities and other arrangements. 2025 adds PGB Wmo (6.791), which before 2025 was booked inside these taakvelden; aids and home adaptations (6.6, from 2025 6.60) are not included."

  - id: jeugd.hulp
    title: { nl: "Jeugdhulp", en: "Youth care" }
    unit: { nl: "euro per inwoner", en: "euros per inhabitant" }
    unit-kind: money
    numerator:
      source: iv3
      measure: lasten
      taakvelden:
        "2017": ["6.72", "6.72a", "6.72b", "6.72c", "6.72d", "6.73a", "6.73b", "6.73c", "6.74a", "6.74b", "6.74c"]
        "2025": ["6.751", "6.752", "6.753", "6.761", "6.762", "6.763", "6.792"]
    denominator: population
    direction: neither
    zero: not-booked
    broader: sociaal-domein.netto
    notes:
      nl: "Alle jeugdhulp zonder en met verblijf, inclusief pgb. Tot en met 2024 naar soort hulp (6.72a–6.74c); vanaf 2025 naar ambulant of met verblijf en lokaal, regionaal of landelijk ingekocht (6.751–6.763), met het pgb Jeugd op 6.792. Jeugdbescherming en jeugdreclassering tellen niet mee (zie jeugd.bescherming)."
      en: "All youth care without and with residence, including PGB. Up to 2024 by type of help (6.72a–6.74c); from 2025 by ambulant/residential and local/regional/national purchasing (6.751–6.763) with PGB Jeugd on 6.792. Youth protection and probation are not included (see jeugd.bescherming)."

  - id: jeugd.verblijf
    title: { nl: "Jeugdhulp met verblijf", en: "Residential youth care" }
    unit: { nl: "euro per inwoner", en: "euros per inhabitant" }
    unit-kind: money
    numerator:
      source: iv3
      measure: lasten
      taakvelden:
        "2017": ["6.73a", "6.73b", "6.73c", "6.74b", "6.74c"]
        "2025": ["6.761", "6.762", "6.763"]
    denominator: population
    direction: neither
    zero: not-booked
    broader: jeugd.hulp
    notes:
      nl: "Jeugdhulp met verblijf: tot en met 2024 pleegzorg, gezinsgericht, overige jeugdhulp met verblijf, crisis/LTA/GGZ met verblijf en gesloten plaatsing (6.73a–c, 6.74b–c); vanaf 2025 jeugdhulp met verblijf, lokaal, regionaal en landelijk ingekocht (6.761–6.763). De twee indelingen trekken de grens verschillend."
      en: "Youth care with residence: up to 2024 foster care, family-based care, other residential care, crisis/LTA/GGZ residence and secure placement (6.73a–c, 6.74b–c); from 2025 residential youth care purchased locally, regionally and nationally (6.761–6.763). The two layouts draw the line differently."

  - id: jeugd.bescherming
    title: { nl: "Jeugdbescherming en jeugdreclassering", en: "Youth protection and probation" }
    unit: { nl: "euro per inwoner", en: "euros per inhabitant" }
    unit-kind: money
    numerator:
      source: iv3
      measure: lasten
      taakvelden:
        "2017": ["6.82", "6.82a", "6.82b"]
        "2025": ["6.821", "6.822"]
    denominator: population
    direction: neither
    zero: not-booked
    broader: sociaal-domein.netto
    notes:
      nl: "Geëscaleerde zorg voor minderjarigen (geëscaleerde zorg 18-)."
      en: "Escalated care for minors (geëscaleerde zorg 18-)."

  - id: participatie.inkomen
    title: { nl: "Inkomensregelingen", en: "Income support" }
    unit: { nl: "euro per inwoner", en: "euros per inhabitant" }
    unit-kind: money
    numerator:
      source: iv3
      measure: lasten
      taakvelden:
        "2017": ["6.3"]
    denominator: population
    direction: neither
    zero: not-booked
    broader: sociaal-domein.netto
    notes:
      nl: "Bruto uitgaven aan inkomensregelingen (bijstand en andere inkomensregelingen), taakveld 6.3 in beide indelingen."
      en: "Gross spending on income support (bijstand and other income schemes), taakveld 6.3 in both layouts."

  - id: sociaal-domein.netto
    title: { nl: "Sociaal domein, netto", en: "Social domain, net" }
    unit: { nl: "euro per inwoner", en: "euros per inhabitant" }
    unit-kind: money
    numerator:
      source: iv3
      measure: netto
      taakvelden:
        "2017": ["6.1", "6.2", "6.3", "6.4", "6.5", "6.6", "6.71", "6.71a", "6.71b", "6.71c", "6.71d", "6.72",
                 "6.72a", "6.72b", "6.72c", "6.72d", "6.73a", "6.73b", "6.73c", "6.74a", "6.74b", "6.74c", "6.81",
                 "6.81a", "6.81b", "6.82", "6.82a", "6.82b"]
        "2025": ["6.1", "6.21", "6.22", "6.23", "6.3", "6.4", "6.5", "6.60", "6.711", "6.712", "6.713", "6.714",
                 "6.751", "6.752", "6.753", "6.761", "6.762", "6.763", "6.791", "6.792", "6.811", "6.812", "6.821",
                 "6.822", "6.91", "6.92"]
    denominator: population
    direction: neither
    notes:
      nl: "Lasten min baten over elk taakveld van hoofdstuk 6 (sociaal domein) van de indeling."
      en: "Lasten minus baten over every taakveld of chapter 6 (sociaal domein) of the layout."

  - id: jeugd.jongeren-met-jeugdhulp-pct
    title: { nl: "Jongeren met jeugdhulp, % van de 0- tot en met 17-jarigen", en: "Youths with jeugdhulp as % of all 0–17-year-olds" }
    unit: { nl: "% van de 0–17-jarigen", en: "% of 0–17-year-olds" }
    unit-kind: percentage
    numerator:
      source: cbs
      table: 85099NED
      topics: [JongerenMetJeugdzorg]
      # A045560 is "JH 1 Totaal jeugdhulp": youths with any jeugdhulp, without jeugdbescherming or -reclassering.
      where: { VormenVanJeugdzorg: A045560 }
    denominator:
      source: cbs
      table: 03759ned
      topics: [BevolkingOp1Januari]
      # Both sexes (T001038), every marital status (T001019), and the single ages 0 (10010) to 17 (11700):
      # CBS codes age n as 10000 + 100 × n, and age 0 as 10010.
      where:
        Geslacht: T001038
        BurgerlijkeStaat: T001019
        Leeftijd: ["10010", "10100", "10200", "10300", "10400", "10500", "10600", "10700", "10800", "10900", "11000", "11100", "11200", "11300", "11400", "11500", "11600", "11700"]
    multiplier: 100
    direction: neither
    notes:
      nl: "Jongeren met jeugdhulp in het jaar (CBS 85099NED) gedeeld door de inwoners van 0 tot en met 17 jaar op 1 januari (CBS 03759ned, Bevolking op 1 januari en gemiddeld; geslacht, leeftijd en regio). Tabelsleutels en codes volgen de gepubliceerde OData-namen van CBS; maatstaf weigert een code die de opgehaalde tabellen niet kennen, zodat een wijziging bij CBS een foutmelding geeft en nooit een verkeerd getal. Controleer met `maatstaf describe 85099NED` welke leeftijden CBS als jongeren telt: telt de tabel ook 18- tot 22-jarigen met verlengde jeugdhulp, dan ligt het aandeel iets boven een strikt 0–17-aandeel."
      en: "Youths with jeugdhulp in the year (CBS 85099NED) over the inhabitants aged 0 to 17 on 1 January (CBS 03759ned, Bevolking op 1 januari en gemiddeld; geslacht, leeftijd en regio). Table keys and codes follow CBS's published OData names; maatstaf refuses a code the fetched tables do not list, so a change at CBS shows as an error, never as a wrong number. Check in `maatstaf describe 85099NED` which ages CBS counts as jongeren: where the table includes youths of 18 to 22 with continued care, the share is somewhat above a strict 0–17 share."

  - id: wmo.clienten-per-1000
    title: { nl: "Wmo-cliënten per 1 000 inwoners", en: "Wmo clients per 1,000 inhabitants" }
    unit: { nl: "per 1 000 inwoners", en: "per 1,000 inhabitants" }
    unit-kind: rate
    numerator:
      source: cbs
      table: 85984NED
      topics: [WmoClienten]
    denominator:
      source: cbs
      table: 85984NED
      topics: [AantalInwoners]
    multiplier: 1000
    direction: neither
    notes:
      nl: "CBS Kerncijfers wijken en buurten 2024. Deelname aan de Wmo-statistiek is vrijwillig, dus sommige gemeenten ontbreken."
      en: "CBS Kerncijfers wijken en buurten 2024. Wmo participation is voluntary, so some municipalities are missing."

  - id: bijstand.per-1000-18-aow
    title: { nl: "Personen met bijstand per 1 000 inwoners van 18 jaar tot de AOW-leeftijd", en: "Social assistance recipients per 1,000 inhabitants aged 18 to the state pension age" }
    unit: { nl: "per 1 000 inwoners 18 jaar–AOW-leeftijd", en: "per 1,000 inhabitants aged 18 to pension age" }
    unit-kind: rate
    numerator:
      source: cbs
      table: 85984NED
      topics: [PersonenPerSoortUitkeringBijstand]
    denominator:
      source: cbs
      table: 03759ned
      topics: [BevolkingOp1Januari]
      # Both sexes, every marital status, the single ages 18 (11800) to 66 (16600): the state pension age is 67
      # from 2024 to 2027.
      where:
        Geslacht: T001038
        BurgerlijkeStaat: T001019
        Leeftijd: ["11800", "11900", "12000", "12100", "12200", "12300", "12400", "12500", "12600", "12700", "12800", "12900", "13000", "13100", "13200", "13300", "13400", "13500", "13600", "13700", "13800", "13900", "14000", "14100", "14200", "14300", "14400", "14500", "14600", "14700", "14800", "14900", "15000", "15100", "15200", "15300", "15400", "15500", "15600", "15700", "15800", "15900", "16000", "16100", "16200", "16300", "16400", "16500", "16600"]
    multiplier: 1000
    direction: lower-is-better
    notes:
      nl: "Personen met bijstand (Participatiewet) uit CBS Kerncijfers wijken en buurten 2024, gedeeld door de inwoners van 18 tot en met 66 jaar op 1 januari (CBS 03759ned). De AOW-leeftijd is 67 van 2024 tot en met 2027 (66 jaar en 10 maanden in 2023), dus voor andere jaren is de leeftijdsgrens bij benadering. Kerncijfers wijken en buurten is één tabel per jaar: het vergeleken jaar is dat van de tabel."
      en: "Bijstand (Participatiewet) recipients from CBS Kerncijfers wijken en buurten 2024 over the inhabitants aged 18 to 66 on 1 January (CBS 03759ned). The state pension age is 67 from 2024 to 2027 (66 and 10 months in 2023), so for other years the age span is approximate. Kerncijfers wijken en buurten is one table per year: the year compared is that of the table."

  - id: bijstand.per-1000-15-65
    title: { nl: "Personen met bijstand per 1 000 inwoners van 15 tot 65 jaar", en: "Social assistance recipients per 1,000 inhabitants aged 15–65" }
    unit: { nl: "per 1 000 inwoners 15–65 jaar", en: "per 1,000 inhabitants aged 15–65" }
    unit-kind: rate
    numerator:
      source: cbs
      table: 85984NED
      topics: [PersonenPerSoortUitkeringBijstand]
    denominator:
      source: cbs
      table: 85984NED
      topics: [k_15Tot25Jaar, k_25Tot45Jaar, k_45Tot65Jaar]
    multiplier: 1000
    direction: lower-is-better
    notes:
      nl: "CBS Kerncijfers wijken en buurten 2024 heeft geen groep van 18 jaar tot de AOW-leeftijd; 15–65 is de dichtstbijzijnde die het publiceert, dus dit cijfer ligt lager dan een cijfer per 1 000 inwoners van 18 jaar tot de AOW-leeftijd."
      en: "CBS Kerncijfers wijken en buurten 2024 has no 18-to-state-pension-age group; 15–65 is the closest it publishes, so this rate is lower than one per 1,000 aged 18 to the state pension age."

  - id: bevolking.jongeren-0-14-pct
    title: { nl: "Inwoners van 0 tot 15 jaar, % van alle inwoners", en: "Inhabitants aged 0–14, % of all inhabitants" }
    unit: { nl: "% van de inwoners", en: "% of inhabitants" }
    unit-kind: percentage
    numerator:
      source: cbs
      table: 85984NED
      topics: [k_0Tot15Jaar]
    denominator:
      source: cbs
      table: 85984NED
      topics: [AantalInwoners]
    multiplier: 100
    direction: neither
    notes:
      nl: "CBS Kerncijfers wijken en buurten 2024. Een kenmerk van de bevolking, gebruikt om naaste buren te vinden (maatstaf peers)."
      en: "CBS Kerncijfers wijken en buurten 2024. A trait of the population, used to find nearest neighbours (maatstaf peers)."

  - id: bevolking.65-plus-pct
    title: { nl: "Inwoners van 65 jaar of ouder, % van alle inwoners", en: "Inhabitants aged 65 or over, % of all inhabitants" }
    unit: { nl: "% van de inwoners", en: "% of inhabitants" }
    unit-kind: percentage
    numerator:
      source: cbs
      table: 85984NED
      topics: [k_65JaarOfOuder]
    denominator:
      source: cbs
      table: 85984NED
      topics: [AantalInwoners]
    multiplier: 100
    direction: neither
    notes:
      nl: "CBS Kerncijfers wijken en buurten 2024. Een kenmerk van de bevolking, gebruikt om naaste buren te vinden (maatstaf peers)."
      en: "CBS Kerncijfers wijken en buurten 2024. A trait of the population, used to find nearest neighbours (maatstaf peers)."
"""#
}
