"""Words that tell what a line of a business card is, in the languages we support.

Lower-case, accents kept; compared with `token()` of each printed word.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import defaultdict

from rapidfuzz.distance import Levenshtein

CYRILLIC = re.compile(r"[\u0400-\u04ff]")  # any Cyrillic letter
GREEK = re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]")  # Greek letters, polytonic included
CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")  # kana, Han, Hangul
LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")  # Latin letters, accented ones included

# Labels printed before a value, in the languages of Europe and the Americas.
PHONE_PREFIXES = frozenset(
    """t tel tel. tél tél. telephone téléphone phone ph p m mob mobile mobil mobiel cell c
    cel cel. celular cellulare cellulaire portable port port. handy telefon telefono teléfono
    telefoon telemóvel móvil movil o office d direct dir h tlf fon fone ph. n° nr gsm natel
    cep puh puh. puhelin matkapuhelin gsm. kom kom. komórka tel.kom. mobiltelefon mobilnr
    telefonnr telf telf. tfn tfno tfno. telemovel telefone whatsapp zentrale durchwahl
    standard switchboard centralino ufficio oficina escritório kantoor bureau büro
    telefoni telefonas tālr mob.tel. тел тел. телефон моб моб. мобильный сот сот. т м
    раб раб. моб.тел. тел.: τηλ ddi ligne direkt direkte directe directa directo diretto
    bezpośredni přímá přímý suora tiešais tiesioginis mobiil mobilais мобільний моб.:
    мобилен стац. роб. служб.""".split()
)
FAX_PREFIXES = frozenset(
    """f fax fx telefax télécopie telecopie faks faksi telefaks faxe факс ф телефакс φαξ
    fax. f. fakss faksas φ cb""".split()  # φ, cb: PP-OCR's and Tesseract's "ф."
)
EMAIL_PREFIXES = frozenset(
    """e email e-mail mail courriel correo posta эл почта e-mail: email: эл.почта sähköposti
    e-post epost e-posta ел ел. пошта ел.пошта поща ел.поща имейл імейл е-mail paštas
    pastas""".split()
)
WEBSITE_PREFIXES = frozenset(
    """w web www website site sito сайт internet url homepage webseite webbplats
    verkkosivu strona honlap weboldal веб уеб вебсайт уебсайт""".split()
)
# What PP-OCR reads for a fax machine's icon (a printer's outline) before a number.
FAX_ICON_READS = frozenset("凸")
CONTACT_PREFIXES = PHONE_PREFIXES | FAX_PREFIXES | EMAIL_PREFIXES | WEBSITE_PREFIXES
# Labels of company registration and tax numbers, which are printed like phone numbers in
# a card's small print ("KvK 41420508", "RCS Lyon 557 218 980", "P.IVA 48012626909").
# Latin letters drawn like Cyrillic ones, and the Cyrillic letters they stand for.
LATIN_LOOKALIKES = str.maketrans("AaBCcEeHKMOoPpTXxy", "АаВСсЕеНКМОоРрТХху")
REGISTRATION_LABELS = frozenset(
    """kvk kvk-nummer kvk-nr btw btw-nr btw-nummer vat vat-nr vat-no tva siret siren rcs
    naf ape p.iva piva iva partita c.f. cf rea nif cif nie nipc cnpj cpf mwst mwst-nr
    ust-idnr ust-id ust.-idnr steuernr steuer-nr steuernummer st.-nr hrb hra amtsgericht
    handelsregister registergericht uid uid-nr che fn firmenbuch abn acn gst crn dič ičo
    nip regon krs org.nr orgnr momsreg.nr momsregnr cvr y-tunnus foretaksregisteret mva bce
    kbo cin gstin ein reg cégjegyzékszám adószám rpr
    cuit nit rut rfc ruc инн кпп огрн огрнип окпо бик иннкпп инн/кпп ihh nmls licence
    license lic creci matrícula matricula bn d'entreprise hst contribuinte vergi mersis vkn
    nzbn ogrn αφμ δου γεμη ico dic cro neq v.d. v.n. iban bic swift єдрпоу іпн пдв мфо
    еик ддс булстат cg. cg v.no innehar f-skattsedel kt. kt oib ddv kmkr pib įmonės imonės
    imones matična davčna ondernemingsnummer ondernemingsnr b-bbee""".split()
)  # "ihh": ИНН as OCR reads it in Latin letters; "ico", "dic": IČO, DIČ without marks

# Registration labels of two words ("Company No. 0123", "Registered in England").
REGISTRATION_PHRASES = frozenset({"company no", "company number", "company reg", "reg no",
                                  "registered in", "vat no", "tax id", "tax no",
                                  "registration no", "nr rejestru", "numero rea"})
# Social networks named before a handle ("LinkedIn: in/name", "Instagram @name").
SOCIAL_LABELS = frozenset(
    "linkedin instagram facebook twitter xing tiktok youtube telegram vk вконтакте".split())
# The same with their short forms, which only a handle after them tells apart ("IG: @ana").
SOCIAL_HANDLE_LABELS = SOCIAL_LABELS | {"in", "ig", "fb", "tw", "insta"}
SOCIAL_HOSTS = frozenset(
    """linkedin.com twitter.com x.com facebook.com instagram.com tiktok.com youtube.com
    xing.com vk.com t.me github.com fb.com""".split()
)
MIN_GLUED_SOCIAL_HOST = 10  # "linkedin.com" with an icon glued before it; not "box.com"


def is_social_host(host: str) -> bool:
    """A social network's host, also with its icon's letters OCR glued before it
    ("inlinkedin.com")."""
    host = host.lower().removeprefix("www.")
    return host in SOCIAL_HOSTS or any(
        host.endswith(social) for social in SOCIAL_HOSTS if len(social) >= MIN_GLUED_SOCIAL_HOST)

HONORIFICS = frozenset(
    """dr dr. prof prof. mr mr. mrs mrs. ms ms. mx herr frau m. mme mme. mlle sr sr. sra
    sra. dott dott. dott.ssa ing ing. mag mag. dipl.-ing. dhr. mevr. drs. ir. me me. mgr
    mgr. inż. inż dr. inż. hab. avv. avv arch. arch lic. lic eng. eng phd ph.d. mba msc
    m.sc. bsc b.sc. b.eng. m.eng. cpa esq. esq dipl. rndr. judr. mudr. ing.-arch. к.т.н.
    д.т.н. к.э.н. инж. інж. д-р проф. доц. iur. oec. phil. rer. nat. med. dr.-ing.
    dipl.-kfm. dipl.-kffr. dipl.-inf. dipl.-oec. dent. vet. dr.med. ll.m. llm m.a. b.a. dds
    dmd judr. mudr. mvdr. pharmdr. ing.arch.""".split()
)

# Professional credentials printed after a name or on a line of their own ("AIA, LEED AP"),
# beside the degrees among HONORIFICS.
CREDENTIALS = frozenset("""aia leed ap frcp mrcp cfa pmp cissp fca aca acca cima frics mrics
    riba rn p.eng. peng cfp caia frm mcips fcips mciob""".split())


def is_credential(word: str) -> bool:
    """A degree or credential after a name ("MBA", "LEED", "Dipl.-Designerin")."""
    t = token(word)
    return t in CREDENTIALS or t in HONORIFICS or t.startswith("dipl.")


LEGAL_FORMS = frozenset(
    """inc inc. llc l.l.c. ltd ltd. limited plc corp corp. corporation co co. company gmbh
    ag kg ohg ug e.k. se sa s.a. sas s.a.s. sarl s.a.r.l. eurl srl s.r.l. spa s.p.a. sl
    s.l. slu bv b.v. nv n.v. vof ltda ltda. me eireli s/a oy ab as a/s llp lp pty group
    holding holdings partners associates gruppe groupe grupo gruppo ооо оао зао пао ао
    нко ип ано фгуп гк нпо s.coop. s.com. s.c. s.l.u. e.g. eg gbr kgaa kg. stiftung
    e.v. cia cia. sociedad associados asociados associés inkorporated инкорпорэйтед групп
    группа холдинг sp. z o.o. s.r.o. a.s. kft. zrt. nyrt. bt. kkt. aps a/s asa oy oyj ab hb
    a.ş. şti. s.r.l. srl s.a.s. sas ltda lda s.a.c. sac s.a.a. pvt pvt. sprl bvba vzw
    sàrl sagl gmbh ag kg k.s. v.o.s. sp.k. sp.j. s.k.a. tmi ky osk ry oü v.o.f. ei
    s.l.l. unipessoal α.ε. ε.π.ε. ο.ε. ε.ε. ι.κ.ε. αε επε οε ικε ltée ltee enr. s.e.n.c.
    i/s dac clg teoranta teo. kb s.n.c. snc san. tic. d.o.o. d.d. j.d.o.o. d.n.o. k.d. s.p.
    тов пп прат пат ат фоп дп тдв оод еоод ад еад тоо доо ges.m.b.h. gesmbh ges.mbh ivs
    p/s k/s smba amba sc scrl commv comm.v. cvba scs sca lda. sasu spol. r.o. α.ε.β.ε.
    a.e.b.e. a.e. i.k.e. e.p.e. og e.u. s.a.c. eirl haftungsbeschränkt uab mb iį sia
    """.split()
)
# Words that open the name of a professional's practice ("Kanzlei Dr. Trüb", "Praxis für
# Zahnheilkunde", "Studio Legale Rossi", "Law Office of Ann Ferrell").
PRACTICE_WORDS = frozenset(
    """kanzlei praxis zahnarztpraxis ordination zahnzentrum büro atelier architekturbüro
    ingenieurbüro planungsbüro steuerkanzlei rechtsanwaltskanzlei notariat studio estudio
    despacho bufete notaría cabinet étude clinic clínica clinica klinik kancelaria
    gabinet kancelář ordinace iroda advocatenkantoor praktijk tandartspraktijk
    architectenbureau""".split()
) | {"law office", "law offices", "dental practice", "dental clinic", "studio legale",
     "studio dentistico", "cabinet dentaire", "clínica dental"}
COMPANY_WORDS = frozenset(
    """solutions technologies technology systems consulting services software labs studio
    industries international global enterprises ventures capital bank agency media
    logistics company compagnie société entreprise empresa azienda bedrijf firma zonen
    söhne sons fils figli hijos filhos e-commerce spółka przedsiębiorstwo společnost
    vállalat társaság gruppen bröderna brødrene veljekset yhtiöt şirketi holding
    agencija agentura agencia agenzia agence agentur bolnica hospital krankenhaus klinikum
    spital szpital nemocnica bolnišnica sairaala sjukhus sykehus hôpital ospedale hospitál
    university universität université universidad università universidade uniwersytet
    univerzita sveučilište univerza yliopisto universitet egyetem hochschule høgskolen
    högskolan hogeschool society authority council ministry ministerium ministère
    ministerio ministero ministerstvo ministarstvo больница университет""".split()
)

# "Marketing Department" is a department even though "marketing" is also a job word.
DEPARTMENT_WORDS = frozenset(
    """department dept dept. division abteilung département departamento dipartimento
    divisione afdeling divisie отдел департамент dział oddělení oddelenie osztály
    departament avdelning avdelningen afdeling afdelingen osasto departmanı birimi τμήμα
    bölümü відділ відділу odjel odjela sektor sektora oddelek oddelka skyrius osakond
    deild faculty facultad faculté fakultät fakultet fakulteta fakulta wydział katedra
    directorate direktorat subdirección subdirectorate seksjon seksjonen sektion avdeling
    avdelingen odbor nodaļa főosztály zakład referat secretaría superintendência direcția
    departamentul serviciul управління факультет fachbereich geschäftsbereich pôle úsek
    διεύθυνση laitos yksikkö enhet enheten institutionen lehrstuhl secția secţia sectia
    üzletág dairesi directoraat directoraat-generaal faculteit отделение відділення
    кафедра""".split()
)
# These also appear in job titles ("Customer Service Manager"): only without a job word.
WEAK_DEPARTMENT_WORDS = frozenset(
    """bereich service direction área ufficio setor управление служба дирекция
    geschäftsleitung geschäftsführung vertrieb einkauf buchhaltung personal
    personalabteilung marketing verkauf logistik kundenservice diretoria financeiro
    comercial compras vendas gerencia administración ventas finanzas contabilidad
    direzione acquisti vendite amministrazione contabilità verkoop inkoop administratie
    klantenservice directie ledelse salg økonomi regnskab indkøb kundeservice innkjøp
    regnskap markedsføring
    försäljning ekonomi inköp ledning kundtjänst myynti talous hallinto johto markkinointi
    tuotekehitys asiakaspalvelu sprzedaż księgowość zarząd logistyka kadry zakupy
    obchod účtárna vedení nákup prodej értékesítés pénzügy beszerzés vezetés vânzări
    achiziții contabilitate satış muhasebe satınalma satın yönetim pazarlama kaynakları
    lojistik hukuk finans hizmetleri бухгалтерия бухгалтерія счетоводство продажби продажів
    обслужване
    продажи закупки маркетинг логистика
    accounts accounting finance finances procurement purchasing operations logistics legal
    compliance administration communications treasury audit facilities support finanzen
    recht informatik logistique juridique comptabilité achats informatique jurídico
    logística informática finanza legale logistica informatica finanças financiën juridische
    logistiek personeelszaken area juridik logistikk hankinnat hankinta henkilöstöhallinto
    tietohallinto logistiikka lakiasiat finanse prawny právní logistika financie jogi
    logisztika kontrolling personalwesen финансы юридический кадров закупок продаж
    снабжения teknik technik communication kommunikation comunicación comunicazione
    comunicação komunikacja marknadsföring markedsføring controlling dirección direção
    operaciones operações operazioni opérations kwaliteitszorg qualitätsmanagement
    kutatás-fejlesztés ügyfélszolgálat sistemas sistemi obsługa juridic financiar
    logistică calității kieferorthopädie implantologie oralchirurgie prophylaxe
    tragwerksplanung bauleitung ortodoncja ortodoncia ortodonzia orthodontie implantologia
    bérszámfejtés klinik section sección sezione secção unit unidad unità servicio serviço
    servizio amt laboratoire laboratorio laboratório school institutt institut instituto
    istituto office bureau banking bankacılık bankacılığı spedition lager
    kontraktlogistik firmenkundengeschäft privatkundengeschäft""".split()
)
# Department words in the genitive: after a title they name what it heads ("Voditelj
# odjela nabave", "Начальник отдела продаж"), so title and department are one title.
DEPARTMENT_GENITIVES = frozenset("""odjela oddelka oddelenia oddělení odboru sektora osakonna
    skyriaus działu wydziału отдела відділу департамента управления управління службы
    служби кафедры кафедри отделения відділення лаборатории лабораторії
    кафедрой отделением отделом управлением департаментом лабораторией""".split())
# "Head of Division", "Director of Department", "Chef du service": the title heads it.
HEADS_OF = frozenset({"of", "du", "de", "des", "der"})
# Words between a title and the department it heads ("Заведующий кардиологическим
# отделением", "Primář kardiologického oddělení").
MAX_DEPARTMENT_ADJECTIVES = 1
MIN_FUZZY_WORD = 7  # shorter department words are too alike to other words to guess at
MIN_FEMININE_TITLE = 7  # letters of the shortest "-in" title ("Leiterin")
# Acronyms that name a department, matched as printed ("IT", not the pronoun "it").
DEPARTMENT_ACRONYMS = frozenset({"IT", "ICT", "HR", "QA", "EDV", "R&D"})
# Job-title words that name a department as often ("Marketing", "Sales Manager").
DEPARTMENT_OR_POSITION = frozenset({"sales", "marketing", "account", "product", "project"})
# Department words that end a compound ("Salgsafdelingen", "IT-отдел").
DEPARTMENT_SUFFIXES = ("abteilung", "afdeling", "afdelingen", "avdelning", "avdelningen",
                       "avdeling", "avdelingen", "osasto", "hallinto", "отдел", "департамент",
                       "відділ", "deild", "svið", "osakond", "skyrius", "enheten",
                       "yksikkö", "laitos")

DEPARTMENT_PHRASES = re.compile(
    r"research (?:&|and) development|r&d|human resources"
    r"|forschung (?:&|und) entwicklung|recherche (?:&|et) développement"
    r"|investigación (?:&|y) desarrollo|ricerca (?:&|e) sviluppo|pesquisa (?:&|e) desenvolvimento"
    r"|onderzoek (?:&|en) ontwikkeling"
    r"|recursos humanos|ressources humaines|risorse umane|business development"
    r"|customer (?:service|support|care)|information technology|supply chain"
    r"|public relations|quality (?:assurance|management)|service clients?|customer success"
    r"|service commercial|service juridique|service technique"
    r"|(?:risk|wealth|asset|investment|portfolio|credit) management|dispute resolution"
    r"|(?:private|corporate|retail|investment|commercial) banking|litigation"
    r"|atención al cliente|servizio clienti|atendimento ao cliente|tecnologia da informação"
    r"|tecnología de la información|obsługa klienta|zákaznický servis|служба \w+",
    re.IGNORECASE,
)

POSITION_WORDS = frozenset(
    """leder commercialista architetto geometra notaio ragioniere contabile arquitecto arquitecta
    arquiteto contabilista architecte notaire advocaat boekhouder rechtsanwalt
    rechtsanwältin steuerberater architekt arkitekt advokat revisor regnskapsfører
    bokförare kirjanpitäjä lakimies arkkitehti ügyvéd könyvelő építész arhitect архитектор
    avukat mimar muhasebeci διευθυντής διευθύντρια σύμβουλος μηχανικός υπεύθυνος υπεύθυνη
    λογιστής λογίστρια δικηγόρος αρχιτέκτονας πωλητής specjalistka kierowniczka dyrektorka
    menedżer menedzser konsultantka ügyintéző munkatárs consilier temsilcisi uzmanı başkanı
    mühendisi
    manager director engineer developer designer consultant specialist analyst officer
    chief head lead president vice vp ceo cto cfo coo cmo cio founder co-founder
    cofounder partner owner assistant associate coordinator administrator architect
    scientist researcher professor attorney lawyer accountant executive representative
    agent senior junior principal intern advisor adviser strategist editor writer
    producer technician supervisor secretary treasurer chairman chairwoman chair member
    product project programme program account sales marketing officer surveyor teacher
    nurse physician doctor therapist recruiter buyer planner controller auditor broker
    geschäftsführer geschäftsführerin assistenz leiter leiterin berater beraterin ingenieur
    ingenieurin entwickler entwicklerin referent referentin sachbearbeiter
    sachbearbeiterin vorstand inhaber inhaberin prokurist assistent assistentin kaufmann
    kauffrau mitarbeiter mitarbeiterin projektleiter projektleiterin vertriebsleiter
    directeur directrice responsable chef ingénieur chargé chargée conseiller
    conseillère gérant gérante président présidente développeur développeuse consultante
    commercial commerciale assistante comptable avocat avocate director directora
    gerente asistente jefe jefa ingeniero ingeniera consultor consultora asesor asesora
    desarrollador desarrolladora analista técnico técnica administrador administradora
    coordinador coordinadora presidente abogado abogada direttore direttrice
    responsabile ingegnere consulente sviluppatore amministratore delegato tecnico
    avvocato capo adviseur medewerker medewerkster ontwikkelaar eigenaar hoofd beheerder
    verkoper diretor diretora engenheiro engenheira coordenador coordenadora
    desenvolvedor desenvolvedora advogado advogada sócio sócia assistente supervisora
    responsável
    директор менеджер инженер руководитель начальник специалист главный ведущий
    генеральный заместитель консультант бухгалтер разработчик аналитик программист юрист
    президент председатель администратор координатор технолог эксперт партнёр партнер
    управляющий доцент профессор заведующий врач юрисконсульт primář primářka primar
    counsel fuldmægtig naczelnik ministerialrat regierungsrat oberregierungsrat
    керівник головний провідний фахівець спеціаліст інженер генеральний заступник
    комерційний розробник аналітик програміст маркетолог мениджър търговски изпълнителен
    управител ръководител главен експерт счетоводител програмист дизайнер адвокат
    teamleider teamleiter teamlead teamleader gruppenleiter abteilungsleiter
    bereichsleiter abteilungsleiterin representante vertreter ledare leder
    kierownik dyrektor specjalista prezes zarządu wiceprezes członek doradca inżynier księgowa radca
    księgowy konsultant handlowiec przedstawiciel asystent asystentka analityk
    programista projektant ředitel ředitelka jednatel vedoucí manažer manažerka
    specialista účetní obchodník konzultant technik asistentka riaditeľ konateľ manažér
    igazgató ügyvezető vezető tervező mérnök tanácsadó könyvelő értékesítő elemző director
    chartered certified licensed
    inginer consultant contabil manager vânzări projektledare säljare ingenjör konsult
    utvecklare ansvarig ekonom chef vd direktør sælger ingeniør udvikler konsulent
    salgschef projektleder daglig leder selger rådgiver utvikler prosjektleder
    ägare ejer eier omistaja propriétaire propriétaires propietario propietaria proprietario
    proprietaria proprietário proprietária właściciel właścicielka majitel majitelka
    tulajdonos sahibi владелец владелица şef şefi sorumlusu yardımcısı koordinatörü
    markedssjef toimitusjohtaja johtaja päällikkö myyntipäällikkö insinööri asiantuntija
    konsultti kehittäjä suunnittelija müdür müdürü mühendis uzman danışman yönetici
    yöneticisi direktör direktörü direktors direktore direktorica voditelj voditeljica
    savjetnik savjetnica rukovodilac rukovoditeljica menadžer menadžerka referentica
    suradnik suradnica vodja svetovalec svetovalka juhataja juht sérfræðingur
    framkvæmdastjóri stjóri vadītājs vadītāja konsultants
    konsultante speciālists speciāliste grāmatvedis grāmatvede loceklis direktorius
    direktorė vadovas vadovė konsultantas specialistas buhalteris juhataja juht
    spetsialist konsultant raamatupidaja
    temsilci gerente asesora ejecutiva ejecutivo contador contadora diretor gestor socio
    socia
    analista
    zahnarzt zahnärztin kieferorthopäde kieferorthopädin arzt ärztin tierarzt tierärztin
    apotheker apothekerin notar notarin gesellschafter gesellschafterin geschäftsführender
    geschäftsführende makler maklerin immobilienmakler immobilienmaklerin dentist
    orthodontist dentista odontólogo odontóloga ortodoncista dentiste orthodontiste
    chirurgien-dentiste notario notaria notaio lekarz dentysta stomatolog ortodonta
    fogorvos zubař zubní lékař lékařka advokát advokátka ügyvéd tandarts orthodontist
    makelaar notaris tandläkare advokat doctor médico médica medico medecin médecin
    总监 经理 总裁 主任 工程师 董事 总经理 主管 顾问 销售 部长""".split()
)

STREET_WORDS = frozenset(
    """street st st. ave ave. avenue road rd rd. boulevard blvd blvd. lane ln drive way
    suite ste ste. floor fl. building bldg court ct place pl plaza square sq highway hwy
    parkway pkwy circle row terrace close crescent mews straße strasse str. str weg
    platz allee gasse ring damm ufer chaussee rue avenue boulevard bd chemin allée
    impasse quai cours place route calle c/ avda avda. avenida plaza paseo camino
    carretera ronda travesía via viale piazza corso largo vicolo strada località straat
    laan plein gracht kade singel dreef rua travessa praça alameda rodovia estrada núcleo
    nucleo quadra setor vila ladeira parque jardim
    bairro andar sala conjunto ul. ulica al. aleja os. osiedle ulice nám. náměstí
    třída utca út tér körút strada str. bulevardul calea gatan vägen gata väg gränd
    torget vej gade allé plads veien gate vei katu tie kuja cad. caddesi sok. sokak
    șoseaua soseaua şoseaua intrarea aleea splaiul piața piata
    mah. mahallesi bulvarı carrera cra. calle cl. diagonal dg. transversal tv. av.
    rua ul ул ул. улица пр. проспект пер. переулок шоссе наб. вул. вулиця просп. пров.
    набережная бульвар б-р пл. площадь д. дом офис оф. кв. стр. корп. г. город обл.
    область р-н район postfach cedex bp οδός οδ. λεωφ. λεωφόρος πλ. πλατεία τ.κ.""".split()
)
# Street types that are also surnames or common words ("Hill", "Park", "Vale"): they count
# for a line that has a number or sits next to an address line.
WEAK_STREET_WORDS = frozenset(
    """manor manors field fields view views forge dale creek haven heights hill hills park
    point ridge shore shores springs station summit trail trace valley village vista walk
    wells crossing estate estates falls ferry flats ford forest gardens glen green grove
    harbor harbour hollow island junction knoll lake lakes landing lodge loop meadow meadows
    mill mills mount mountain orchard pass path pines plains port ranch route run stream
    apt apt. unit flat studio
    callejón pasadizo cañada glorieta pasaje rambla urbanización vía acceso piso puerta
    morro vale área chácara campo condomínio vila ladeira lagoa loteamento núcleo parque
    quadra recanto residencial setor sítio trecho trevo viela conjunto distrito esplanada
    estação fazenda jardim contrada borgo rotonda vicolo appartamento piano""".split()
)
STREET_SUFFIXES = ("straße", "strasse", "str.", "weg", "platz", "allee", "gasse", "straat",
                   "laan", "plein", "gracht", "damm", "ring", "gatan", "vägen", "gade",
                   "vej", "veien", "gata", "katu", "tie", "kuja", "utca")
CJK_ADDRESS_CHARS = frozenset("省市区县路街号楼层座室大厦中心镇村道巷")

# Words that name a building, which an address may open or close with ("Cathedral
# Buildings", "Technologiepark, Haus B", "БЦ «Северная башня»"); compounds end in them
# ("Technologiepark").
BUILDING_WORDS = frozenset("""building buildings chambers house haus gebäude tower torre
    centre center centro park plaza court campus bâtiment edificio edifício budynek stavba
    complex bloc block blok zgrada бц тц трц бизнес-центр""".split())
BUILDING_SUFFIXES = ("park", "haus", "gebäude", "zentrum", "center", "centre", "huset")
# Words before a house number that start an address ("H.No. 636", "Flat 91", "Nº 12").
HOUSE_NUMBER_PREFIXES = frozenset(
    """h.no. h.no hno h.no: house plot flat door no. nr. n° nº unit apt. apt suite office
    oficina sala loja int. local""".split())
# Lower-case settlement abbreviations that start Russian addresses ("г. Москва", "п. Можга").
RU_SETTLEMENTS = frozenset(
    "г. с. п. к. ст. пос. дер. пгт х. д. ул. пр. пер. наб. ш. бул. алл. м. вул. просп. гр. "
    "смт ж.к.".split()
)
# Abbreviations of Russian address parts, always followed by a full stop ("д. 5").
RU_ADDRESS_ABBREVIATIONS = frozenset(
    "г с п к д ст пос дер пгт х ул пр пер наб ш бул алл пл стр корп кв оф мкр туп м вул "
    "просп пров буд гр бл вх ет ап обл каб эт".split()
)
# Postcode shapes that on their own make a line an address.
STRONG_POSTCODES = re.compile(
    r"\b[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}\b"  # GB: W2 6BD
    r"|\b[A-Z]{2} \d{5}(?:-\d{4})?\b"  # US: WA 98052
    r"|\b\d{5}-\d{3}\b"  # BR: 01310-100
    r"|\b\d{4} ?[A-Z]{2}\b(?![.@])"  # NL: 1012 AB
    r"|\b[A-Z]\d[A-Z] ?\d[A-Z]\d\b"  # CA: K1A 0B1
    r"|\b\d{5}\s+[A-ZÀ-ÝА-Я][\w-]+"  # DE, FR, ES, IT: 10115 Berlin
    r"|\b\d{3} \d{2}\s+[Α-ΩΆ-Ώ][\w-]+"  # GR: 102 23 Αθήνα
    r"|,\s*\d{5,6}\s*$"  # ..., 13099 / ..., 205212 (ES, RU)
    r"|\s/\s?[A-Z]{2}$|\([A-Z]{2}\)$"  # BR state "/ RS", IT province "(BO)"
)
# Names joined into a company: "Stone, Cowan and Jones", "Barber & Sons", "Cardona y Asociados".
NAME_CONJUNCTION = re.compile(
    r"^[A-ZÀ-ÝА-Я][\w'-]+(?:,? [A-ZÀ-ÝА-Я][\w'-]+)*,? (?:and|&|und|et|e|y|en|и) [A-ZÀ-ÝА-Я]",
)
# Starts of surnames written with a capital inside ("McDonald", "DeVito", "FitzGerald").
NAME_PREFIXES = frozenset("mc mac fitz van von de di da du le la del della st ter ten".split())
# Labels printed before an address ("Anschrift:", "SIÈGE").
ADDRESS_LABELS = frozenset(
    """address addr adresse anschrift adres dirección direccion endereço endereco morada
    indirizzo sede siège siege адрес adresa adress adressi osoite cím bezoekadres postadres
    besöksadress besøksadresse postadresse postanschrift visit офис адреса""".split()
) | {"visit us", "find us", "head office", "registered office"}
NAME_PARTICLES = frozenset(
    "da de do dos das di del della dello van von der den la le du y e ten ter bin al el".split()
)

# Labels printed before a postcode (Brazil's "CEP", Mexico's "C.P."), and such a postcode.
POSTCODE_LABELS = frozenset({"cep", "cep:", "c.p.", "c.p", "cp", "cp:"})
LABELLED_POSTCODE = re.compile(r"\d{5}(?:-?\d{3,4})?,?")
# A postcode OCR glued to the town after it: "50146Joubert-sur-Mer", Dutch "7443HTHoek",
# Polish "43-725Biała".
GLUED_POSTCODE = re.compile(
    r"\b(\d{4,6}|\d{4} ?[A-Z]{2}|\d{2}-\d{3}|\d{5}-\d{3})(?=[A-ZÀ-ÞА-ЯЁ][a-zß-ÿа-яё])")
# A word this long ending in a full stop ends a sentence, not an abbreviation ("Dept.").
MIN_SENTENCE_WORD = 6
POSTCODE = re.compile(
    r"\b(?:\d{5}(?:-\d{3,4})?|\d{4} ?[A-Z]{2}|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}|\d{6}|"
    r"[A-Z]\d[A-Z] ?\d[A-Z]\d|\d{2}-\d{3}|\d{4}|\d{3} \d{2}"
    r"|[AC-FHKNPRTV-Y]\d{2} ?[AC-FHKNPRTV-Y\d]{4})\b"  # ..., SE/CZ 753 20, IE Eircode
)


TRANSLITERATIONS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ø": "oe",
                                  "æ": "ae", "å": "aa", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue",
                                  "Ø": "Oe", "Æ": "Ae", "Å": "Aa"})


def fold(text: str) -> str:
    """Lower-case without accents, for comparing names with e-mail addresses and domains,
    and words with OCR's reading of them."""
    return unmarked(text).replace("ου", "ou").translate(TO_LATIN)


def transliterated(text: str) -> str:
    """Letters with marks as German and Scandinavian e-mail addresses spell them without:
    "Näf" -> "Naef", "Søren" -> "Soeren", "Strauß" -> "Strauss"."""
    return text.translate(TRANSLITERATIONS)


def unmarked(text: str) -> str:
    """Lower-case without accents, in its own script ("indkøb" -> "indkob")."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).translate(
        LETTERS_WITHOUT_MARKS)


# Latin letters that carry no separable mark.
LETTERS_WITHOUT_MARKS = str.maketrans(
    {"ø": "o", "ł": "l", "æ": "ae", "œ": "oe", "ß": "ss", "đ": "d", "ı": "i"})


TO_LATIN = str.maketrans(
    {
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
        "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
        "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
        "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
        "я": "ya", "і": "i", "ї": "i", "є": "ie", "ґ": "g",
        # Greek as e-mail addresses spell it ("ου" is "ou", see fold).
        "α": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "i", "θ": "th",
        "ι": "i", "κ": "k", "λ": "l", "μ": "m", "ν": "n", "ξ": "x", "ο": "o", "π": "p",
        "ρ": "r", "σ": "s", "ς": "s", "τ": "t", "υ": "y", "φ": "f", "χ": "ch", "ψ": "ps",
        "ω": "o",
    }
)


def token(word: str) -> str:
    """A word lower-cased with surrounding punctuation removed (keeps inner dots: 's.a.')."""
    return word.lower().strip(" ,;:|()[]{}\"'«»“”„‹›")


def contact_label(word: str) -> str:
    """The contact label ``word`` is ("Fax:", "Tel.", "吕F": an icon OCR read as a character
    glued before the "F"), lower-cased without its full stop or colon; "" for other words."""
    label = CJK.sub("", token(word)).rstrip(".:")
    return label if label in CONTACT_PREFIXES else ""


def domain_label(host: str) -> str:
    """``mail.mueller-bau.co.uk`` -> ``muellerbau``: the part a company name shows."""
    parts = [p for p in host.lower().split(".") if p]
    generic = {"com", "co", "org", "net", "www", "mail", "gov", "ac", "edu"}
    meaningful = [p for p in parts[:-1] if p not in generic] or parts[:1]
    return re.sub(r"[^a-z0-9]", "", fold(meaningful[-1])) if meaningful else ""


# A bank account number as printed, grouped or not ("DE89 3704 0044 0532 0130 00").
IBAN = re.compile(r"[A-Z]{2}\d{2}(?: ?[A-Z\d]{4}){2,7}(?: ?[A-Z\d]{1,3})?")
GLUED_CODE = re.compile(r"[A-Z]{2,}[A-Z\d]*\d{4,}[A-Z\d]*")


def is_registration_label(word: str) -> bool:
    """A company registration label, however it is punctuated or suffixed ("C.F.",
    "CVR-nr.", "Ust-IdNr.:"), or glued to its number ("UID:ATU24398761")."""
    t = token(word)
    forms = (t, t.split("-")[0], t.split("/")[0], t.split(":")[0])
    if any(form in REGISTRATION_LABELS or form.rstrip(".:") in REGISTRATION_LABELS
           for form in forms):
        return True
    # Glued without a colon: "RFCABC58738BXY1", "ICO24801937".
    code = word.strip(" ,;")
    return bool(GLUED_CODE.fullmatch(code)) and any(
        code[:n].lower() in REGISTRATION_LABELS for n in range(2, 6))


def is_small_print_label(word: str) -> bool:
    """A label that starts a line of no contact field: a registration number's, or a
    social network's ("LinkedIn: in/name")."""
    return is_registration_label(word) or token(word).rstrip(".:") in SOCIAL_LABELS


# Weekdays as opening hours abbreviate them, in the supported languages ("Mon-Fri",
# "Lun-Ven", "Mo-Fr", "Pzt-Cum", "H-P", "Пн-Пт"); "2ª a 6ª" in Portuguese.
WEEKDAYS = frozenset("""mon tue tues wed thu thur thurs fri sat sun mo di mi do fr sa so
    lun mar mer mie mié jeu jue gio ven vie vin sam sab sáb dim dom joi sâm dum
    seg ter qua qui sex ma wo vr za zo mån man tis tir ons tor fre lör lør sön søn
    ti ke to pe la su pn pon wt śr sr czw pt sob nd ndz po út ut st čt ct pá pa ne
    h k sze cs p szo v pzt pts sal çar car per cum cmt cts paz pzr l pet pi uto sri čet
    cet sub ned sre pia
    пн вт ср чт пт сб вс""".split())
# As OCR reads them without their marks ("Mán-Fre" for "Mån-Fre").
FOLDED_WEEKDAYS = frozenset(fold(day) for day in WEEKDAYS)
# OCR reads these letters for digits (inside numbers: patterns.repair_digits; in opening
# hours: "Mo-Fr B-17 Uhr", "9am-Spm", where CLOCK_LOOKALIKES finds them).
DIGIT_LOOKALIKES = str.maketrans({"O": "0", "o": "0", "D": "0", "Q": "0", "l": "1", "I": "1",
                                  "|": "1", "i": "1", "S": "5", "B": "8", "Z": "2"})
CLOCK_LOOKALIKES = re.compile(r"(?<![^\W\d_])[\dBOolI]{1,2}(?=\s?[-–]\s?\d)"
                              r"|(?<=[-–])[BSOolI](?=[ap]m\b)")  # "9am-Spm"
# Weekdays spelled out: a range of them ("du lundi au vendredi") needs no hours after it.
FULL_WEEKDAYS = frozenset("""monday tuesday wednesday thursday friday saturday sunday montag
    dienstag mittwoch donnerstag freitag samstag sonntag lundi mardi mercredi jeudi vendredi
    samedi dimanche lunes martes miércoles miercoles jueves viernes sábado sabado domingo
    lunedì lunedi martedì martedi mercoledì mercoledi giovedì giovedi venerdì venerdi sabato
    maandag dinsdag woensdag donderdag vrijdag zaterdag zondag segunda terça terca quarta
    quinta sexta poniedziałek piątek sobota måndag fredag lördag mandag lørdag maanantai
    perjantai pondělí pátek hétfő péntek luni vineri sâmbătă pazartesi cuma cumartesi
    понедельник пятница суббота""".split())
WEEKDAY = r"(?:[^\W\d_]{1,4}|[1-7][ªa°º]|[^\W\d_]{5,12})"
# "=" is a dash as OCR reads some ("Mon=Fri").
WEEKDAY_RANGE = re.compile(rf"(?<![^\W\d_])({WEEKDAY})\.?\s*(?:[-–—=]|\s(?:a|à|au|to|bis|til|al|"
                           rf"do|až|ile|по|t/m|tot)\s)\s*({WEEKDAY})\.?(?![^\W\d_])")
CLOCK = (r"\d{1,2}(?:[:.]\d{2}|h\d{0,2})?\s?(?:[ap]\.?m\.?)(?![^\W\d_])"
         r"|\d{1,2}(?:[:.]\d{2}|[hu]\d{0,2})")  # "9h30", Dutch "9u"
# "9:00-17:30", "9am-5pm", "9h às 18h", "с 10 до 19".
RANGE_SEPARATOR = r"(?:\s*[-–—]\s*|\s(?:a|à|às|as|to|till?|bis|al|do|až|до|ile)\s)"
TIME_RANGE = re.compile(rf"(?<!\d)(?:{CLOCK}){RANGE_SEPARATOR}(?:{CLOCK})(?!\d)")
HOUR_RANGE = re.compile(rf"(?<![\d/])(?:{CLOCK}|\d{{1,2}}){RANGE_SEPARATOR}(?:{CLOCK}|\d{{1,2}})"
                        r"(?![\d/])")
# Words that stand right before opening hours ("Open Mon-Fri 9am-5pm", "de 9:00 a 18:00").
HOURS_LABELS = frozenset("""hours opening open horaires horaire horário horario orario
    orari öffnungszeiten geöffnet openingstijden öppettider åbningstider åpningstider
    aukioloajat avoinna godziny otevírací nyitvatartás çalışma program часы режим de from von
    с od du ouvert geopend""".split())
# Words that start opening hours wherever they stand, with or without times after them
# ("Sprechzeiten nach Vereinbarung", "Horário: 2ª a 6ª"); none is a word of a field.
HOURS_START_LABELS = frozenset("""öffnungszeiten sprechzeiten geschäftszeiten openingstijden
    öppettider åbningstider åpningstider aukioloajat avoinna nyitvatartás horário horaires
    horario orario otevírací godziny""".split()) | {
    "opening hours", "office hours", "business hours", "режим работы", "часы работы",
    "çalışma saatleri", "by appointment", "termine nach", "nach vereinbarung",
    "sur rendez-vous", "su appuntamento", "previa cita", "con cita", "na afspraak",
    "po dohodě", "efter överenskommelse"}

# "Every day" before a range of hours ("Ежедневно с 9 до 21", "Täglich 8-20").
EVERY_DAY = frozenset("""daily täglich dagelijks quotidiennement diariamente ежедневно щодня
    всеки codziennie denně denne dagligen dagligt daglig päivittäin naponta zilnic""".split())


# "Du lundi", "from Monday": the start of opening hours whose end OCR put on the next line.
DAY_FROM = re.compile(r"(?<![^\W\d_])(?:du|from|von|ab|de|dal|od|от)\s+([^\W\d_]{5,12})",
                      re.IGNORECASE)
# A tagline that says when the company was founded ("Since 1987", "Est. 2014", "Fundada en
# 1974", "Seit 1920", "Działamy od 1964 r.", "1970'den beri", "1990 óta"): no field,
# whatever line it shares.
FOUNDED = re.compile(r"(?<![^\W\d_])(?:since|est\.?|established|founded(?: in)?|seit|"
                     r"gegründet(?: \d{4}| in)?|depuis|fondée? en|dal|sinds|opgericht(?: in)?|"
                     r"sedan|siden|grundlagt(?: i)?|grundad(?: år)?|grundat|etablert(?: i)?|"
                     r"perustettu|vuodesta|fundad[ao] (?:en|em)|desde|(?:działamy )?od(?: roku)?|"
                     r"założona(?: w)?|založeno(?: v roce)?|alap[ií]tva|fondat[ao] nel|"
                     r"fondat[ăa]? în|din|από το|kuruluş|kuruluș|основана в|с\.?|(?-i:c)\.?|"
                     r"з|від|от|"
                     r"(?:засновано|заснована|основана|основано|създадена)(?: в| у| през)?)"
                     r":?\s+(?:\d{4}|'\d{2})\b(?:\s*(?:г|r|р|рік|року|година)\.?)?"
                     r"|(?<!\d)(?:1[89]|20)\d{2}\s+óta(?![^\W\d_])"
                     r"|(?<!\d)(?:1[89]|20)\d{2}\s+года(?![^\W\d_])"
                     r"|(?<!\d)(?:1[89]|20)\d{2}['’]?(?:den|dan|ten|tan) beri(?![^\W\d_])",
                     re.IGNORECASE)


def opening_hours_start(text: str) -> int | None:
    """Where opening hours start in the text ("Mon-Fri 9:00-17:30", "Man-fre 8-16",
    "Horário 2ª a 6ª, 9h-18h", "Пн-Пт 9:00-18:00", "Sprechzeiten nach Vereinbarung",
    "Ежедневно с 9 до 21"), with
    their label: at a range of clock times, a range of weekdays with one of hours after it,
    or a label only opening hours have; None without any."""
    starts = [m.start() for m in TIME_RANGE.finditer(text)]
    for m in WEEKDAY_RANGE.finditer(text.lower()):
        first, last = (day.rstrip("ªa°º") if day[:1].isdigit() else day  # "2ª", not "ma"
                       for day in m.groups())
        hours_after = HOUR_RANGE.search(CLOCK_LOOKALIKES.sub(
            lambda d: d.group(0).translate(DIGIT_LOOKALIKES), text[m.end():]))
        if {first, last} <= FULL_WEEKDAYS or (
                ({fold(first), fold(last)} <= FOLDED_WEEKDAYS
                 or (first.isdigit() and last.isdigit())) and hours_after):
            starts.append(m.start())
            break
    starts += [m.start() for m in DAY_FROM.finditer(text)
               if m.group(1).lower() in FULL_WEEKDAYS]
    words = text.split()
    for n, word in enumerate(words):
        if token(word) in HOURS_START_LABELS or \
                token(" ".join(words[n:n + 2])) in HOURS_START_LABELS or (
                token(word) in EVERY_DAY and HOUR_RANGE.search(" ".join(words[n + 1:]))):
            starts.append(len(" ".join(words[:n])) + (n > 0))
            break
    if not starts:
        return None
    start = min(starts)
    before = text[:start].split()
    while before and (before[-1].endswith(":") or
                      token(before[-1]).replace("0", "o") in HOURS_LABELS):  # "0pen"
        start = text.rindex(before.pop(), 0, start)
    return start


# Ends of compound job titles in German, the Nordic languages and Dutch
# ("Niederlassungsleiter", "Marketingchef", "Salgskonsulent", "Kundenberater").
TITLE_SUFFIXES = ("leiter", "chef", "konsulent", "berater", "direktør", "direktor", "sjef",
                  "ingeniør", "ingenieur", "assistent", "spezialist", "referent",
                  "sachbearbeiter", "medewerker", "adviseur", "coördinator", "koordinator",
                  "päällikkö", "johtaja", "asiantuntija", "konsult", "säljare", "sælger",
                  "selger", "entwickler", "techniker", "kaufmann", "kauffrau", "directeur",
                  "hoofd", "manager", "leider", "beheerder", "ansvarig", "ansvarlig",
                  "meister", "meisterin", "fachwirt", "fachwirtin", "gesellschafter",
                  "makler", "maklerin", "arzt", "ärztin", "anwalt", "anwältin", "architekt",
                  "architektin", "leder", "rådgiver", "rådgivare", "spetsialist",
                  "verpleegkundige", "amanuensis", "ologist", "ologe", "oloog", "ólogo",
                  "óloga", "ologo", "ologa", "olog", "läkare")
MIN_COMPOUND_HEAD = 3  # letters before the end: "Marketingchef", not "Techniker" alone


def has_title_word(text: str) -> bool:
    """Whether the text has a word only a job title has ("Manager", "Teamleiterin"; not
    "Marketing")."""
    words = [w.strip("-–—") for w in text.split()]
    # German feminine titles: the masculine form and "-in" ("Teamleiter" -> "Teamleiterin").
    words += [w[:-2] for w in words if w.endswith("in") and len(w) > MIN_FEMININE_TITLE]
    return has_word(words, TITLE_ONLY_WORDS, marks_optional=True) or any(
        token(w).endswith(end) and len(token(w)) >= len(end) + MIN_COMPOUND_HEAD
        for w in words for end in TITLE_SUFFIXES)


def names_a_department(words: list[str]) -> bool:
    """Whether words hold a word only departments have ("Abteilung", "Salgsafdelingen"),
    also as OCR read it without its marks ("Dzial")."""
    tokens = [token(with_marks(w)) for w in words]
    return any(t.rstrip(".") in DEPARTMENT_WORDS or t.endswith(DEPARTMENT_SUFFIXES)
               for t in tokens)


def heads_a_department(words: list[str]) -> bool:
    """Whether a one-word title heads the department named after it in the genitive or
    after "of", the whole one title ("Voditelj odjela nabave", "Начальник отдела продаж",
    "Head of Division")."""
    return len(words) > 1 and has_title_word(words[0]) and (
        any(token(w) in DEPARTMENT_GENITIVES for w in words[1:2 + MAX_DEPARTMENT_ADJECTIVES])
        or token(words[1]) in HEADS_OF)


def reads_as_department(text: str) -> bool:
    """A department rather than a job title or company: one named outright ("Sales
    Department", "Salgsafdelingen", "IT-отдел"), or a department's words ("Einkauf", "IT",
    "Marketing", "Human Resources") with no title word or legal form beside them
    ("Marketing Manager" and "Human Resources Manager" are titles)."""
    words = [w.strip("-–—") for w in text.split()]
    if heads_a_department(words):
        return False
    if names_a_department(words):
        return True
    department_like = (bool(DEPARTMENT_PHRASES.search(text))
                       or has_word(words, DEPARTMENT_LIKE_WORDS, marks_optional=True)
                       or any(_misread_department_word(token(w)) for w in words)
                       or any(w.strip(",.:") in DEPARTMENT_ACRONYMS for w in words))
    return department_like and not has_title_word(text) and not has_word(words, LEGAL_FORMS)


@functools.lru_cache(maxsize=4096)
def _misread_department_word(word: str) -> bool:
    """A long department word with one letter misread ("luridico", "Logstica")."""
    if len(word) < MIN_FUZZY_WORD:
        return False
    folded = fold(word)
    return any(Levenshtein.distance(folded, known, score_cutoff=1) <= 1
               for known in _LONG_DEPARTMENT_WORDS)


def has_word(words: list[str], vocabulary: frozenset[str], *,
             marks_optional: bool = False) -> bool:
    """Whether a word is in the vocabulary as printed or, with ``marks_optional`` (title and
    department words, none of which differ from another by marks only), as OCR reads it
    without its marks ("Indkob", "Responsavel")."""
    folded = _unmarked(vocabulary) if marks_optional else frozenset()
    for word in words:
        t = token(word)
        if t in vocabulary or t.rstrip(".") in vocabulary or unmarked(t.rstrip(".")) in folded:
            return True
    return False


def glued_apart(word: str) -> str:
    """A title's word that OCR glued to the next one, set apart where both are words of
    titles or a word that links them ("Charteredaccountant", "Jefade", "Zubnílékařka",
    "Geschäftsführendergesellschafter"); not a compound that ends in a title's or
    department's end ("Marketingleiterin", "Økonomiafdelingen", "Myyntiosasto") unless a
    German participle leads it ("Geschäftsführender"), nor a word the vocabulary knows."""
    t = token(word)
    if t in _TITLE_VOCABULARY or len(t) < 2 * MIN_GLUED_PART:
        return word
    start = word.lower().find(t)
    if start < 0:
        return word
    for cut in range(MIN_GLUED_PART, len(t) - 1):
        head, tail = t[:cut], t[cut:]
        compound_end = tail.endswith(TITLE_SUFFIXES + DEPARTMENT_SUFFIXES) or tail.removesuffix(
            "in").endswith(TITLE_SUFFIXES)
        if (head in _GLUED_PARTS and tail in _GLUED_PARTS
                and (not compound_end or head.endswith(("ender", "ende")))):
            return f"{word[:start + cut]} {word[start + cut:]}"
    return word


def with_marks(word: str) -> str:
    """A title or department word OCR read without its marks, as the vocabulary spells it
    ("Indkob" -> "Indkøb", "Responsavel" -> "Responsável"), or a compound title's end
    ("Talouspäallikko" -> "Talouspäällikkö"); other words as they are, and Greek in
    capitals, which Greek prints without accents ("ΜΗΧΑΝΙΚΟΣ")."""
    t = token(word)
    if not t or t in _TITLE_VOCABULARY or (word.isupper() and GREEK.search(word)):
        return word
    spelled = _MARKED_FORMS.get(unmarked(t))
    if spelled is None:
        spelled = {t[:-len(end)] + end for end in _MARKED_TITLE_SUFFIXES
                   if unmarked(t).endswith(unmarked(end)) and not t.endswith(end)
                   and len(t) >= len(end) + MIN_COMPOUND_HEAD}
    if len(spelled) != 1:
        return word
    marked = next(iter(spelled))
    if word.isupper():
        marked = marked.upper()
    elif word[:1].isupper():
        marked = marked[:1].upper() + marked[1:]
    return word.replace(word.strip(" ,;:|()[]{}\"'«»“”"), marked, 1)


@functools.lru_cache(maxsize=64)
def _unmarked(vocabulary: frozenset[str]) -> frozenset[str]:
    return frozenset(unmarked(word) for word in vocabulary)

# Words that make a line something other than a person's name.
NOT_IN_A_NAME = (POSITION_WORDS | LEGAL_FORMS | DEPARTMENT_WORDS | WEAK_DEPARTMENT_WORDS
                 | COMPANY_WORDS | STREET_WORDS)


_LONG_DEPARTMENT_WORDS = frozenset(
    fold(w) for w in DEPARTMENT_WORDS | WEAK_DEPARTMENT_WORDS if len(w) >= MIN_FUZZY_WORD)


TITLE_ONLY_WORDS = POSITION_WORDS - DEPARTMENT_OR_POSITION
DEPARTMENT_LIKE_WORDS = WEAK_DEPARTMENT_WORDS | DEPARTMENT_OR_POSITION
_TITLE_VOCABULARY = POSITION_WORDS | DEPARTMENT_WORDS | WEAK_DEPARTMENT_WORDS
# What a glued word of a title may be made of (see glued_apart).
_GLUED_PARTS = _TITLE_VOCABULARY | frozenset(
    "de da di of for für und and y e et i en du des del della van voor".split())
MIN_GLUED_PART = 2
# Vocabulary words with marks, by their unmarked spelling (see with_marks).
_MARKED_TITLE_SUFFIXES = tuple(end for end in TITLE_SUFFIXES if unmarked(end) != end)
_MARKED_FORMS: dict[str, set[str]] = defaultdict(set)
for word in _TITLE_VOCABULARY:
    if unmarked(word) != word:
        _MARKED_FORMS[unmarked(word)].add(word)
del word
