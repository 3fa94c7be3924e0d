"""Words cards use per locale: label prefixes, titles, departments, slogans, legal lines.

Faker gives people, companies and addresses; it has no business-card titles or departments
outside English, and its ``job()`` yields professions ("Public house manager"), so the
corporate vocabulary lives here.
"""

from __future__ import annotations

# The main locale of each language, then regional variants: other phone, postcode and
# address formats in a language the vocabulary already speaks.
MAIN_LOCALES: tuple[str, ...] = (
    "en_US", "en_GB", "de_DE", "fr_FR", "es_ES", "it_IT", "nl_NL", "pt_BR", "ru_RU",
)
REGIONAL_LOCALES: tuple[str, ...] = (
    "en_AU", "en_CA", "en_IE", "de_AT", "de_CH", "fr_CH", "es_MX", "pt_PT", "nl_BE",
)
LOCALES: tuple[str, ...] = MAIN_LOCALES + REGIONAL_LOCALES
REGIONS: dict[str, str] = {
    "en_US": "US", "en_GB": "GB", "de_DE": "DE", "fr_FR": "FR", "es_ES": "ES", "it_IT": "IT",
    "nl_NL": "NL", "pt_BR": "BR", "ru_RU": "RU", "en_AU": "AU", "en_CA": "CA", "en_IE": "IE",
    "de_AT": "AT", "de_CH": "CH", "fr_CH": "CH", "es_MX": "MX", "pt_PT": "PT", "nl_BE": "BE",
}
COUNTRY_NAMES: dict[str, str] = {
    "US": "USA", "GB": "United Kingdom", "DE": "Deutschland", "FR": "France", "ES": "España",
    "IT": "Italia", "NL": "Nederland", "BR": "Brasil", "RU": "Россия", "AU": "Australia",
    "CA": "Canada", "IE": "Ireland", "AT": "Österreich", "CH": "Switzerland", "MX": "México",
    "PT": "Portugal", "BE": "België",
}
DOMAIN_SUFFIXES: dict[str, tuple[str, ...]] = {
    "US": ("com", "com", "com", "net", "io", "co"), "GB": ("co.uk", "co.uk", "com", "uk"),
    "DE": ("de", "de", "de", "com", "eu"), "FR": ("fr", "fr", "com", "eu"),
    "ES": ("es", "es", "com"), "IT": ("it", "it", "com"), "NL": ("nl", "nl", "com", "eu"),
    "BR": ("com.br", "com.br", "com"), "RU": ("ru", "ru", "ru", "com", "su"),
    "AU": ("com.au", "com.au", "au", "com"), "CA": ("ca", "ca", "com"), "IE": ("ie", "ie", "com"),
    "AT": ("at", "at", "com"), "CH": ("ch", "ch", "com"), "MX": ("com.mx", "mx", "com"),
    "PT": ("pt", "pt", "com"), "BE": ("be", "be", "com", "eu"),
}
FREE_MAIL: dict[str, tuple[str, ...]] = {
    "US": ("gmail.com", "outlook.com", "yahoo.com"), "GB": ("gmail.com", "btinternet.com"),
    "DE": ("gmx.de", "web.de", "t-online.de", "gmail.com"), "FR": ("orange.fr", "gmail.com"),
    "ES": ("gmail.com", "hotmail.es"), "IT": ("libero.it", "gmail.com"),
    "NL": ("gmail.com", "ziggo.nl"), "BR": ("gmail.com", "uol.com.br"),
    "RU": ("mail.ru", "yandex.ru", "gmail.com"), "AU": ("gmail.com", "bigpond.com"),
    "CA": ("gmail.com", "yahoo.ca"), "IE": ("gmail.com", "eircom.net"),
    "AT": ("gmx.at", "gmail.com"), "CH": ("bluewin.ch", "gmail.com"),
    "MX": ("gmail.com", "hotmail.com"), "PT": ("gmail.com", "sapo.pt"),
    "BE": ("gmail.com", "telenet.be"),
}

# Prefix sets per language, one coherent set per card ("T/M/F/E/W" or "Tel./Mobil/Fax").
PREFIX_SETS: dict[str, tuple[dict[str, str], ...]] = {
    "en": (
        {"office": "Tel", "mobile": "Mob", "fax": "Fax", "email": "Email", "website": "Web",
         "address": "Address"},
        {"office": "T", "mobile": "M", "fax": "F", "email": "E", "website": "W", "address": "A"},
        {"office": "Phone", "mobile": "Mobile", "fax": "Fax", "email": "E-mail",
         "website": "Website", "address": "Address"},
        {"office": "Office", "mobile": "Cell", "fax": "Fax", "email": "Email", "website": "Web",
         "address": "Visit us"},
        {"office": "Direct", "mobile": "Mobile", "fax": "Fax", "email": "Mail",
         "website": "Internet", "address": "Visit"},
        {"office": "P", "mobile": "C", "fax": "F", "email": "E", "website": "W", "address": "A"},
        {"office": "Tel.", "mobile": "Mob.", "fax": "Fax", "email": "Email", "website": "Web",
         "address": "Address"},
    ),
    "de": (
        {"office": "Tel.", "mobile": "Mobil", "fax": "Fax", "email": "E-Mail", "website": "Web",
         "address": "Adresse"},
        {"office": "Telefon", "mobile": "Handy", "fax": "Telefax", "email": "E-Mail",
         "website": "Internet", "address": "Anschrift"},
        {"office": "T", "mobile": "M", "fax": "F", "email": "E", "website": "W", "address": "A"},
        {"office": "Fon", "mobile": "Mobil", "fax": "Fax", "email": "Mail", "website": "Web",
         "address": "Büro"},
        {"office": "Tel", "mobile": "Mob.", "fax": "Fax", "email": "E-Mail", "website": "www",
         "address": "Adresse"},
    ),
    "fr": (
        {"office": "Tél.", "mobile": "Mob.", "fax": "Fax", "email": "E-mail", "website": "Web",
         "address": "Adresse"},
        {"office": "Téléphone", "mobile": "Portable", "fax": "Télécopie", "email": "Courriel",
         "website": "Site", "address": "Adresse"},
        {"office": "T", "mobile": "M", "fax": "F", "email": "E", "website": "W", "address": "A"},
        {"office": "Tél", "mobile": "Port.", "fax": "Fax", "email": "Mail", "website": "Internet",
         "address": "Siège"},
        {"office": "Fixe", "mobile": "Mobile", "fax": "Fax", "email": "Email", "website": "Web",
         "address": "Adresse"},
    ),
    "es": (
        {"office": "Tel.", "mobile": "Móvil", "fax": "Fax", "email": "Email", "website": "Web",
         "address": "Dirección"},
        {"office": "Teléfono", "mobile": "Móvil", "fax": "Fax", "email": "Correo",
         "website": "Web", "address": "Oficina"},
        {"office": "T", "mobile": "M", "fax": "F", "email": "E", "website": "W", "address": "D"},
        {"office": "Tlf.", "mobile": "Cel.", "fax": "Fax", "email": "E-mail", "website": "www",
         "address": "Dirección"},
    ),
    "it": (
        {"office": "Tel.", "mobile": "Cell.", "fax": "Fax", "email": "E-mail", "website": "Web",
         "address": "Indirizzo"},
        {"office": "Telefono", "mobile": "Cellulare", "fax": "Fax", "email": "Email",
         "website": "Sito", "address": "Sede"},
        {"office": "T", "mobile": "M", "fax": "F", "email": "E", "website": "W", "address": "A"},
        {"office": "Uff.", "mobile": "Mob.", "fax": "Fax", "email": "Mail", "website": "Web",
         "address": "Sede"},
    ),
    "nl": (
        {"office": "Tel.", "mobile": "Mob.", "fax": "Fax", "email": "E-mail", "website": "Web",
         "address": "Adres"},
        {"office": "Telefoon", "mobile": "Mobiel", "fax": "Fax", "email": "E-mail",
         "website": "Website", "address": "Bezoekadres"},
        {"office": "T", "mobile": "M", "fax": "F", "email": "E", "website": "W", "address": "A"},
        {"office": "Kantoor", "mobile": "GSM", "fax": "Fax", "email": "Mail",
         "website": "Internet", "address": "Adres"},
    ),
    "pt": (
        {"office": "Tel.", "mobile": "Cel.", "fax": "Fax", "email": "E-mail", "website": "Site",
         "address": "Endereço"},
        {"office": "Telefone", "mobile": "Celular", "fax": "Fax", "email": "Email",
         "website": "Site", "address": "Endereço"},
        {"office": "T", "mobile": "C", "fax": "F", "email": "E", "website": "W", "address": "E"},
        {"office": "Fone", "mobile": "WhatsApp", "fax": "Fax", "email": "E-mail",
         "website": "www", "address": "End."},
    ),
    "ru": (
        {"office": "Тел.", "mobile": "Моб.", "fax": "Факс", "email": "E-mail", "website": "Сайт",
         "address": "Адрес"},
        {"office": "Телефон", "mobile": "Мобильный", "fax": "Факс", "email": "Эл. почта",
         "website": "Сайт", "address": "Адрес"},
        {"office": "т.", "mobile": "м.", "fax": "ф.", "email": "e-mail", "website": "www",
         "address": "Адрес"},
        {"office": "Тел", "mobile": "Моб", "fax": "Факс", "email": "Email", "website": "Web",
         "address": "Офис"},
        {"office": "T", "mobile": "M", "fax": "F", "email": "E", "website": "W", "address": "A"},
    ),
}

TITLES: dict[str, tuple[str, ...]] = {
    "en": (
        "Chief Executive Officer", "CEO", "Managing Director", "Sales Manager",
        "Senior Account Manager", "Marketing Director", "Software Engineer",
        "Senior Software Engineer", "Project Manager", "Head of Operations",
        "Financial Controller", "Business Development Manager", "Product Manager", "Consultant",
        "Senior Consultant", "Partner", "Founder", "Co-Founder & CTO", "Office Manager",
        "HR Business Partner", "Customer Success Manager", "Regional Sales Director",
        "Principal Architect", "Attorney at Law", "Data Scientist", "Vice President, Sales",
        "Senior Researcher", "Operations Coordinator", "Chief Financial Officer",
    ),
    "de": (
        "Geschäftsführer", "Geschäftsführerin", "Vertriebsleiter", "Leiterin Marketing",
        "Key Account Manager", "Projektleiter", "Softwareentwickler", "Senior Consultant",
        "Prokurist", "Vorstand", "Steuerberater", "Rechtsanwältin", "Teamleiter Einkauf",
        "Sachbearbeiterin", "Technischer Leiter", "Bereichsleiter Finanzen", "Inhaber",
        "Personalreferentin", "Vertriebsmitarbeiter Innendienst", "Leiter Kundenservice",
        "Architektin", "Bauingenieur",
    ),
    "fr": (
        "Directeur Général", "Directrice Commerciale", "Responsable Marketing", "Chef de projet",
        "Ingénieur logiciel", "Consultant senior", "Gérant", "Chargée d'affaires",
        "Responsable des achats", "Directeur financier", "Expert-comptable", "Avocate",
        "Responsable RH", "Attaché commercial", "Président", "Fondatrice",
        "Directrice des opérations", "Architecte",
    ),
    "es": (
        "Director General", "Directora Comercial", "Gerente de Ventas", "Jefe de Proyecto",
        "Ingeniero de Software", "Consultora Senior", "Responsable de Marketing", "Administrador",
        "Socio Director", "Abogada", "Asesor Fiscal", "Técnico Comercial", "Jefa de Compras",
        "Director Financiero", "Fundador", "Arquitecta",
    ),
    "it": (
        "Amministratore Delegato", "Direttore Commerciale", "Responsabile Marketing",
        "Project Manager", "Ingegnere del Software", "Consulente Senior", "Titolare",
        "Responsabile Acquisti", "Direttrice Finanziaria", "Avvocato", "Commercialista",
        "Agente di Commercio", "Responsabile Risorse Umane", "Socio Fondatore", "Architetto",
    ),
    "nl": (
        "Directeur", "Algemeen Directeur", "Accountmanager", "Salesmanager", "Projectleider",
        "Software-ontwikkelaar", "Senior Adviseur", "Eigenaar", "Hoofd Inkoop",
        "Financieel Directeur", "Advocaat", "Marketingmanager", "Office Manager", "Consultant",
        "Teamleider Klantenservice",
    ),
    "pt": (
        "Diretor Executivo", "Diretora Comercial", "Gerente de Vendas", "Gerente de Projetos",
        "Engenheiro de Software", "Consultora Sênior", "Sócio-Diretor", "Analista Financeiro",
        "Coordenadora de Marketing", "Advogado", "Contadora", "Representante Comercial",
        "Gerente de Compras", "Fundador e CEO", "Arquiteta",
    ),
    "ru": (
        "Генеральный директор", "Менеджер по продажам", "Главный бухгалтер",
        "Руководитель отдела маркетинга", "Ведущий инженер", "Коммерческий директор",
        "Специалист по закупкам", "Юрист", "Финансовый директор", "Руководитель проекта",
        "Старший разработчик", "Менеджер по работе с клиентами", "Технический директор",
        "Директор по развитию", "Бизнес-аналитик", "Заместитель директора", "Начальник отдела",
    ),
}

DEPARTMENTS: dict[str, tuple[str, ...]] = {
    "en": (
        "Sales Department", "Marketing", "Research & Development", "Human Resources",
        "Finance Division", "IT Department", "Customer Service", "Legal Department",
        "Procurement", "Logistics", "Cloud & AI Department", "Corporate Communications",
    ),
    "de": (
        "Vertrieb", "Abteilung Einkauf", "Forschung und Entwicklung", "Personalabteilung",
        "Buchhaltung", "Geschäftsleitung", "Marketing & Kommunikation", "IT-Abteilung",
        "Kundendienst", "Logistik",
    ),
    "fr": (
        "Département Marketing", "Service Commercial", "Direction Financière",
        "Ressources Humaines", "Service Achats", "Direction Juridique", "Service Client",
        "Recherche et Développement",
    ),
    "es": (
        "Departamento de Ventas", "Departamento Comercial", "Recursos Humanos",
        "Departamento Financiero", "Atención al Cliente", "Departamento de Compras",
        "Investigación y Desarrollo",
    ),
    "it": (
        "Ufficio Acquisti", "Dipartimento Vendite", "Ufficio Commerciale", "Risorse Umane",
        "Amministrazione", "Ufficio Tecnico", "Servizio Clienti", "Ricerca e Sviluppo",
    ),
    "nl": (
        "Afdeling Verkoop", "Afdeling Inkoop", "Personeelszaken", "Financiële Administratie",
        "Klantenservice", "Marketing & Communicatie", "Juridische Zaken",
    ),
    "pt": (
        "Departamento Comercial", "Departamento Financeiro", "Recursos Humanos",
        "Departamento de Compras", "Atendimento ao Cliente", "Pesquisa e Desenvolvimento",
    ),
    "ru": (
        "Отдел продаж", "Департамент маркетинга", "Отдел закупок", "Бухгалтерия",
        "Отдел кадров", "Юридический отдел", "IT-отдел", "Отдел логистики",
        "Департамент развития",
    ),
}

TAGLINES: dict[str, tuple[str, ...]] = {
    "en": (
        "Quality you can trust", "Building better futures", "Your partner in growth",
        "Since 1987", "Smart solutions for smart people", "Excellence in every detail",
        "Think ahead", "Clean energy for everyone",
    ),
    "de": (
        "Qualität seit 1952", "Ihr Partner für Logistik", "Wir bewegen Ideen",
        "Innovation aus Leidenschaft", "Alles aus einer Hand", "Mehr als nur Beratung",
    ),
    "fr": (
        "L'excellence au quotidien", "Votre partenaire de confiance", "Depuis 1978",
        "L'innovation au service de tous", "Ensemble, allons plus loin",
    ),
    "es": (
        "Calidad y confianza", "Tu socio tecnológico", "Desde 1990", "Innovamos contigo",
        "Soluciones a tu medida",
    ),
    "it": (
        "Qualità dal 1965", "Il vostro partner di fiducia", "Innovazione e tradizione",
        "Soluzioni su misura", "Passione per il dettaglio",
    ),
    "nl": (
        "Kwaliteit sinds 1983", "Uw partner in groei", "Samen verder", "Slimme oplossingen",
        "Duurzaam ondernemen",
    ),
    "pt": (
        "Qualidade e confiança", "Seu parceiro em tecnologia", "Desde 1994",
        "Soluções inteligentes", "Inovação que transforma",
    ),
    "ru": (
        "Качество с 1998 года", "Ваш надёжный партнёр", "Решения для бизнеса",
        "Технологии будущего", "Работаем для вас",
    ),
}

ACADEMIC_TITLES: dict[str, tuple[str, ...]] = {
    "en": ("Dr.", "Prof.", "Dr"), "de": ("Dr.", "Prof. Dr.", "Dipl.-Ing.", "Dr.-Ing."),
    "fr": ("Dr", "Me"), "es": ("Dr.", "Lic.", "Ing."), "it": ("Dott.", "Ing.", "Avv.", "Arch."),
    "nl": ("Dr.", "Ir.", "Mr.", "drs."), "pt": ("Dr.", "Dra.", "Eng."), "ru": (),
}
NAME_SUFFIXES: dict[str, tuple[str, ...]] = {"en": ("PhD", "MBA", "CPA", "Jr.")}

INDUSTRIES: dict[str, tuple[str, ...]] = {
    "en": ("Consulting", "Solutions", "Logistics", "Engineering", "Partners", "Design Studio",
           "Systems", "Technologies", "Legal", "Properties", "Accounting", "Capital"),
    "de": ("Beratung", "Logistik", "Maschinenbau", "Immobilien", "Steuerberatung", "Software",
           "Elektrotechnik", "Bau", "Handel", "Medien"),
    "fr": ("Conseil", "Logistique", "Ingénierie", "Immobilier", "Informatique", "Architecture",
           "Transports"),
    "es": ("Consultores", "Logística", "Ingeniería", "Inmobiliaria", "Soluciones",
           "Construcciones", "Asesores"),
    "it": ("Consulenze", "Logistica", "Ingegneria", "Immobiliare", "Costruzioni", "Informatica",
           "Trasporti"),
    "nl": ("Advies", "Logistiek", "Techniek", "Vastgoed", "Installatietechniek", "Bouw",
           "Software"),
    "pt": ("Consultoria", "Logística", "Engenharia", "Imóveis", "Tecnologia", "Construções",
           "Transportes"),
    "ru": ("Техносервис", "СтройИнвест", "Альфа-Логистик", "ПромТех", "Северный ветер",
           "ИнфоСистемы", "Вектор", "Гарант", "Меридиан", "ТрансЛайн", "Энергия"),
}
LEGAL_FORMS: dict[str, tuple[str, ...]] = {
    "en_US": ("Inc.", "LLC", "Corp.", "Co.", ""), "en_GB": ("Ltd", "Ltd.", "PLC", "LLP", ""),
    "de_DE": ("GmbH", "AG", "GmbH & Co. KG", "KG", "e.K.", "UG"),
    "fr_FR": ("SAS", "SARL", "SA", ""), "es_ES": ("S.L.", "S.A.", "SL", ""),
    "it_IT": ("S.r.l.", "S.p.A.", "s.n.c.", ""), "nl_NL": ("B.V.", "N.V.", "V.O.F.", ""),
    "pt_BR": ("Ltda.", "S.A.", "ME", ""), "ru_RU": ("ООО", "АО", "ПАО", "ЗАО"),
    "en_AU": ("Pty Ltd", "Pty. Ltd.", ""), "en_CA": ("Inc.", "Ltd.", "Corp.", ""),
    "en_IE": ("Ltd", "DAC", ""), "de_AT": ("GmbH", "AG", "KG", "OG"),
    "de_CH": ("AG", "GmbH", ""), "fr_CH": ("SA", "Sàrl", ""),
    "es_MX": ("S.A. de C.V.", "S. de R.L.", ""), "pt_PT": ("Lda.", "S.A.", "Unipessoal Lda."),
    "nl_BE": ("BV", "NV", "CommV", ""),
}
# Words dropped when a company name becomes a domain ("Müller GmbH & Co. KG" -> mueller.de).
LEGAL_WORDS = frozenset(
    "inc llc corp co ltd plc llp gmbh ag kg ek ug sas sarl sa sl slu scoop srl spa snc bv nv vof "
    "ltda me eireli pty dac og sàrl cv lda unipessoal commv ооо ао пао зао нпо оао ип and und et "
    "y e of group stichting figli "
    "asociados associati the die der".split()
)

# Lines of small print with numbers and names that are no contact fields (labelled O).
LEGAL_LINES: dict[str, tuple[str, ...]] = {
    "en_US": ("Licensed & Insured · Lic. #{d6}", "NMLS ID {d6}", "EIN {d2}-{d7}"),
    "en_GB": ("Registered in England and Wales No. {d8}", "VAT Reg. No. GB {d3} {d4} {d2}",
              "Registered office: {street}, {city}"),
    "de_DE": ("Sitz: {city} · Amtsgericht {city} HRB {d5} · Geschäftsführer: {person}",
              "USt-IdNr. DE{d9}", "Amtsgericht {city} HRB {d6}"),
    "fr_FR": ("SAS au capital de {d2} 000 € · RCS {city} {d3} {d3} {d3}",
              "SIRET {d3} {d3} {d3} {d5}", "N° TVA FR{d2}{d9}"),
    "es_ES": ("CIF: B{d8}", "Inscrita en el Registro Mercantil de {city}, Tomo {d4}",
              "NIF {d8}X"),
    "it_IT": ("P.IVA {d11}", "Sede legale: {city} · C.F. {d11}", "REA {d6}"),
    "nl_NL": ("KvK {d8} · BTW NL{d9}B01", "KvK-nummer {d8}", "IBAN NL{d2} INGB 0{d3} {d4} {d2}"),
    "pt_BR": ("CNPJ {d2}.{d3}.{d3}/0001-{d2}", "CRECI {d5}", "CNPJ: {d2}.{d3}.{d3}/0001-{d2}"),
    "ru_RU": ("ИНН {d10} · ОГРН {d13}", "ИНН/КПП {d10}/{d9}", "ОГРН {d13}"),
    "en_AU": ("ABN {d2} {d3} {d3} {d3}", "ACN {d3} {d3} {d3}", "Licence No. {d6}"),
    "en_CA": ("GST/HST No. {d9} RT0001", "Licensed in {city}"),
    "en_IE": ("Registered in Ireland No. {d6}", "VAT No. IE{d7}X"),
    "de_AT": ("UID: ATU{d8}", "FN {d6}x · Handelsgericht {city}"),
    "de_CH": ("UID CHE-{d3}.{d3}.{d3}", "MWST-Nr. CHE-{d3}.{d3}.{d3} MWST"),
    "fr_CH": ("IDE CHE-{d3}.{d3}.{d3}", "TVA CHE-{d3}.{d3}.{d3}"),
    "es_MX": ("RFC: GOMA{d6}HX{d1}", "Registro {d6} · {city}"),
    "pt_PT": ("NIF {d9}", "Capital social {d5} €", "NIPC {d9} · {city}"),
    "nl_BE": ("BTW BE 0{d3}.{d3}.{d3}", "RPR {city}", "KBO {d4}.{d3}.{d3}"),
}
