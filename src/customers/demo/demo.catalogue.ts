/**
 * Word lists for demo data: names as they appear in North American dealer files, street names,
 * the vehicles a dealer services, and the work written on repair orders. Curated rather than
 * taken from faker's locales, whose invented surnames ("Hermiston-Barton") read as fake.
 */

// prettier-ignore
export const EN_FIRST_NAMES = [
  'James', 'Robert', 'John', 'Michael', 'David', 'William', 'Richard', 'Joseph', 'Thomas', 'Christopher',
  'Daniel', 'Matthew', 'Anthony', 'Mark', 'Steven', 'Paul', 'Andrew', 'Joshua', 'Kevin', 'Brian',
  'Ryan', 'Jason', 'Jeffrey', 'Scott', 'Eric', 'Stephen', 'Jacob', 'Tyler', 'Brandon', 'Justin',
  'Gary', 'Nathan', 'Adam', 'Patrick', 'Sean', 'Ethan', 'Liam', 'Noah', 'Owen', 'Connor',
  'Mary', 'Patricia', 'Jennifer', 'Linda', 'Elizabeth', 'Barbara', 'Susan', 'Jessica', 'Sarah', 'Karen',
  'Lisa', 'Nancy', 'Sandra', 'Ashley', 'Emily', 'Michelle', 'Amanda', 'Melissa', 'Deborah', 'Stephanie',
  'Rebecca', 'Laura', 'Sharon', 'Cynthia', 'Kathleen', 'Amy', 'Angela', 'Heather', 'Nicole', 'Rachel',
  'Megan', 'Lauren', 'Hannah', 'Olivia', 'Emma', 'Chloe', 'Brenda', 'Diane', 'Wendy', 'Tracy',
  'Raj', 'Priya', 'Amrit', 'Harpreet', 'Wei', 'Mei', 'Jun', 'Min-jun', 'Ji-woo', 'Minh',
  'Ahmed', 'Fatima', 'Omar', 'Layla', 'Carlos', 'Sofia', 'Mateo', 'Tomasz', 'Anna', 'Ivan',
] as const;

// prettier-ignore
export const EN_LAST_NAMES = [
  'Smith', 'Brown', 'Wilson', 'MacDonald', 'Taylor', 'Campbell', 'Anderson', 'Jones', 'Johnson', 'Williams',
  'Miller', 'Thompson', 'Martin', 'White', 'Young', 'Walker', 'Robinson', 'Clark', 'Wright', 'Scott',
  'Stewart', 'Morrison', 'Murray', 'Reid', 'Ross', 'Graham', 'Fraser', 'Mitchell', 'Hughes', 'Kelly',
  'Murphy', "O'Brien", 'Sullivan', 'Walsh', 'Ryan', 'Baker', 'Hall', 'Allen', 'King', 'Green',
  'Evans', 'Cooper', 'Bennett', 'Gray', 'Parker', 'Cook', 'Bell', 'Ward', 'Watson', 'Hamilton',
  'Lee', 'Wong', 'Chen', 'Li', 'Zhang', 'Liu', 'Wang', 'Kim', 'Park', 'Nguyen',
  'Tran', 'Singh', 'Patel', 'Sharma', 'Gill', 'Sandhu', 'Dhillon', 'Grewal', 'Khan', 'Ali',
  'Rossi', 'Russo', 'Santos', 'Silva', 'Costa', 'Kowalski', 'Nowak', 'Schmidt', 'Müller', 'Jansen',
  'Van der Berg', 'Peters', 'Friesen', 'Penner', 'Klassen', 'Johnston', 'McKenzie', 'McLean', 'Sinclair', 'Henderson',
] as const;

// prettier-ignore
export const FR_FIRST_NAMES = [
  'Jean', 'Pierre', 'Michel', 'André', 'Luc', 'Marc', 'Jacques', 'François', 'Louis', 'Alain',
  'Sylvain', 'Stéphane', 'Patrick', 'Éric', 'Martin', 'Mathieu', 'Simon', 'Olivier', 'Alexandre', 'Gabriel',
  'Félix', 'Samuel', 'William', 'Thomas', 'Antoine', 'Maxime', 'Jean-François', 'Jean-Philippe', 'Guy', 'Réjean',
  'Marie', 'Nathalie', 'Isabelle', 'Sylvie', 'Julie', 'Chantal', 'Josée', 'Nancy', 'Geneviève', 'Caroline',
  'Mélanie', 'Catherine', 'Sophie', 'Valérie', 'Annie', 'Émilie', 'Audrey', 'Camille', 'Léa', 'Chloé',
  'Marie-Ève', 'Marie-Claude', 'Lucie', 'Francine', 'Diane', 'Hélène', 'Manon', 'Karine', 'Stéphanie', 'Véronique',
] as const;

// prettier-ignore
export const FR_LAST_NAMES = [
  'Tremblay', 'Gagnon', 'Roy', 'Côté', 'Bouchard', 'Gauthier', 'Morin', 'Lavoie', 'Fortin', 'Gagné',
  'Ouellet', 'Pelletier', 'Bélanger', 'Lévesque', 'Bergeron', 'Leblanc', 'Paquette', 'Girard', 'Simard', 'Boucher',
  'Caron', 'Beaulieu', 'Cloutier', 'Dubé', 'Poirier', 'Fournier', 'Lapointe', 'Leclerc', 'Lefebvre', 'Poulin',
  'Thibault', "D'Amours", 'Desjardins', 'Lemieux', 'Mercier', 'Nadeau', 'Champagne', 'Deschamps', 'Villeneuve', 'St-Pierre',
  'Gendron', 'Hébert', 'Ménard', 'Rousseau', 'Picard', 'Beaudoin', 'Vaillancourt', 'Lachance', 'Proulx', 'Charbonneau',
] as const;

// prettier-ignore
export const ES_FIRST_NAMES = [
  'José', 'Juan', 'Luis', 'Carlos', 'Jorge', 'Miguel', 'Alejandro', 'Diego', 'Javier', 'Ricardo',
  'María', 'Guadalupe', 'Ana', 'Carmen', 'Rosa', 'Verónica', 'Daniela', 'Gabriela', 'Lucía', 'Isabel',
] as const;

// prettier-ignore
export const ES_LAST_NAMES = [
  'García', 'Rodríguez', 'Martínez', 'Hernández', 'López', 'González', 'Pérez', 'Sánchez', 'Ramírez', 'Torres',
  'Flores', 'Rivera', 'Gómez', 'Díaz', 'Reyes', 'Morales', 'Cruz', 'Ortiz', 'Gutiérrez', 'Chávez',
] as const;

// prettier-ignore
export const EN_STREET_NAMES = [
  'Maple', 'Oak', 'Cedar', 'Pine', 'Birch', 'Elm', 'Willow', 'Spruce', 'Aspen', 'Poplar',
  'King', 'Queen', 'Church', 'Main', 'Park', 'Victoria', 'Albert', 'Wellington', 'Dundas', 'Lakeshore',
  'Hillcrest', 'Ridgeview', 'Riverside', 'Meadowbrook', 'Sunnyside', 'Glenwood', 'Fairview', 'Highland', 'Lakeview', 'Westwood',
  'Mountain View', 'Forest Hill', 'Brookside', 'Orchard', 'Harbour', 'Bayview', 'Kingsway', 'Railway', 'Mill', 'Station',
  'Lincoln', 'Washington', 'Jefferson', 'Franklin', 'Madison', 'Jackson', 'Grant', 'Sheridan', 'Prospect', 'Summit',
] as const;

export const EN_STREET_SUFFIXES = [
  'St',
  'Ave',
  'Rd',
  'Dr',
  'Cres',
  'Crt',
  'Blvd',
  'Way',
  'Lane',
  'Pl',
  'Terr',
  'Cir',
] as const;

export const FR_STREET_TYPES = [
  'rue',
  'rue',
  'rue',
  'avenue',
  'boulevard',
  'chemin',
  'montée',
  'place',
  'croissant',
] as const;
// prettier-ignore
export const FR_STREET_NAMES = [
  'Principale', 'Saint-Laurent', 'Saint-Charles', 'Sainte-Hélène', 'Champlain', 'des Érables', 'de la Rivière',
  'du Parc', 'Notre-Dame', 'Saint-Jean', 'Victoria', 'de Gaspé', 'Jacques-Cartier', 'des Pins', 'du Lac',
  'Laurier', 'Papineau', 'de Lorimier', 'Beaubien', 'des Ormes', 'Sainte-Catherine', 'du Moulin', 'de Mortagne',
  'Roland-Therrien', 'Marie-Victorin', 'de Rome', 'Gaétan-Boucher', 'Cousineau', 'Grande-Allée', 'des Chênes',
] as const;

// prettier-ignore
export const COMPANY_TRADES = [
  'Plumbing & Heating', 'Electric', 'Landscaping', 'Roofing', 'Contracting', 'Courier', 'Property Management',
  'Mechanical', 'Pest Control', 'Flooring', 'Painting', 'Cleaning Services', 'Concrete', 'Glass & Mirror', 'Catering',
] as const;
export const COMPANY_SUFFIXES_CA = ['Ltd.', 'Inc.', 'Ltd.', 'Corp.', ''] as const;
export const COMPANY_SUFFIXES_US = ['LLC', 'Inc.', 'Co.', 'LLC', ''] as const;
// prettier-ignore
export const FR_COMPANY_TRADES = [
  'Plomberie', 'Électrique', 'Excavation', 'Paysagement', 'Toitures', 'Construction', 'Transport', 'Rénovations',
] as const;

// prettier-ignore
export const EMAIL_PROVIDERS = [
  'gmail.example', 'gmail.example', 'gmail.example', 'hotmail.example', 'outlook.example', 'yahoo.example',
  'icloud.example', 'shaw.example', 'rogers.example', 'videotron.example', 'bell.example', 'telus.example', 'example.com',
] as const;

export type BodyStyle = 'car' | 'suv' | 'truck' | 'van';

export interface ModelSpec {
  model: string;
  style: BodyStyle;
  trims: readonly string[];
  engines: readonly string[];
}

export interface MakeSpec {
  make: string;
  /** World manufacturer identifiers (VIN positions 1–3) the make builds North American vehicles under. */
  wmis: readonly string[];
  models: readonly ModelSpec[];
}

const m = (model: string, style: BodyStyle, trims: string[], engines: string[]): ModelSpec => ({
  model,
  style,
  trims,
  engines,
});

export const MAKES: readonly MakeSpec[] = [
  {
    make: 'Toyota',
    wmis: ['2T1', 'JTD', '4T1', '2T3', 'JTM', '5TD', '5TF', '3TM'],
    models: [
      m('Corolla', 'car', ['CE', 'LE', 'SE', 'XSE'], ['1.8L I4', '2.0L I4']),
      m('Camry', 'car', ['LE', 'SE', 'XLE', 'XSE'], ['2.5L I4', '3.5L V6', '2.5L I4 Hybrid']),
      m('RAV4', 'suv', ['LE', 'XLE', 'Limited', 'Trail'], ['2.5L I4', '2.5L I4 Hybrid']),
      m('Highlander', 'suv', ['LE', 'XLE', 'Limited'], ['3.5L V6', '2.4L I4 Turbo']),
      m('Tacoma', 'truck', ['SR5', 'TRD Sport', 'TRD Off-Road'], ['3.5L V6', '2.7L I4']),
      m('Tundra', 'truck', ['SR5', 'Limited', 'Platinum'], ['5.7L V8', '3.5L V6 Twin Turbo']),
      m('Sienna', 'van', ['LE', 'XLE', 'Limited'], ['3.5L V6', '2.5L I4 Hybrid']),
      m('Prius', 'car', ['Base', 'Technology', 'Prime'], ['1.8L I4 Hybrid', '2.0L I4 Hybrid']),
    ],
  },
  {
    make: 'Honda',
    wmis: ['2HG', '1HG', '5FN', '2HK', '19X', '5J6', '7FA'],
    models: [
      m('Civic', 'car', ['DX', 'LX', 'EX', 'Sport', 'Touring'], ['1.8L I4', '2.0L I4', '1.5L I4 Turbo']),
      m('Accord', 'car', ['LX', 'EX-L', 'Sport', 'Touring'], ['2.4L I4', '1.5L I4 Turbo', '2.0L I4 Hybrid']),
      m('CR-V', 'suv', ['LX', 'EX', 'EX-L', 'Touring'], ['2.4L I4', '1.5L I4 Turbo', '2.0L I4 Hybrid']),
      m('HR-V', 'suv', ['LX', 'Sport', 'EX-L'], ['1.8L I4', '2.0L I4']),
      m('Pilot', 'suv', ['EX', 'EX-L', 'Touring', 'TrailSport'], ['3.5L V6']),
      m('Odyssey', 'van', ['EX', 'EX-L', 'Touring'], ['3.5L V6']),
      m('Ridgeline', 'truck', ['Sport', 'EX-L', 'Black Edition'], ['3.5L V6']),
    ],
  },
  {
    make: 'Ford',
    wmis: ['1FT', '1FM', '1FA', '2FM', '3FA', '1FD', '1FB'],
    models: [
      m('F-150', 'truck', ['XL', 'XLT', 'Lariat', 'Platinum'], ['2.7L V6 EcoBoost', '3.5L V6 EcoBoost', '5.0L V8']),
      m('Escape', 'suv', ['S', 'SE', 'Titanium'], ['1.5L I3 EcoBoost', '2.0L I4 EcoBoost', '2.5L I4 Hybrid']),
      m('Explorer', 'suv', ['XLT', 'Limited', 'ST'], ['2.3L I4 EcoBoost', '3.0L V6 EcoBoost']),
      m('Edge', 'suv', ['SE', 'SEL', 'Titanium'], ['2.0L I4 EcoBoost']),
      m('Mustang', 'car', ['EcoBoost', 'GT'], ['2.3L I4 EcoBoost', '5.0L V8']),
      m('Ranger', 'truck', ['XL', 'XLT', 'Lariat'], ['2.3L I4 EcoBoost']),
      m('Transit', 'van', ['Cargo 250', 'Cargo 350', 'Passenger XLT'], ['3.5L V6', '3.5L V6 EcoBoost']),
      m('Bronco Sport', 'suv', ['Big Bend', 'Outer Banks', 'Badlands'], ['1.5L I3 EcoBoost', '2.0L I4 EcoBoost']),
    ],
  },
  {
    make: 'Chevrolet',
    wmis: ['1GC', '2GN', '1G1', '3GN', '1GN', '3GC', '1GB'],
    models: [
      m('Silverado 1500', 'truck', ['WT', 'LT', 'RST', 'LTZ'], ['5.3L V8', '2.7L I4 Turbo', '3.0L I6 Diesel']),
      m('Equinox', 'suv', ['LS', 'LT', 'Premier'], ['1.5L I4 Turbo', '2.0L I4 Turbo']),
      m('Malibu', 'car', ['LS', 'LT', 'Premier'], ['1.5L I4 Turbo']),
      m('Trax', 'suv', ['LS', 'LT', 'Activ'], ['1.4L I4 Turbo', '1.2L I3 Turbo']),
      m('Traverse', 'suv', ['LT', 'RS', 'High Country'], ['3.6L V6']),
      m('Express', 'van', ['2500 Cargo', '3500 Cargo'], ['4.3L V6', '6.6L V8']),
      m('Colorado', 'truck', ['WT', 'LT', 'Z71'], ['3.6L V6', '2.7L I4 Turbo']),
    ],
  },
  {
    make: 'Nissan',
    wmis: ['1N4', '5N1', 'JN8', '3N1', '1N6', 'JN1'],
    models: [
      m('Rogue', 'suv', ['S', 'SV', 'SL', 'Platinum'], ['2.5L I4', '1.5L I3 Turbo']),
      m('Sentra', 'car', ['S', 'SV', 'SR'], ['1.8L I4', '2.0L I4']),
      m('Altima', 'car', ['S', 'SV', 'SR', 'SL'], ['2.5L I4', '2.0L I4 VC-Turbo']),
      m('Pathfinder', 'suv', ['S', 'SV', 'SL', 'Platinum'], ['3.5L V6']),
      m('Kicks', 'suv', ['S', 'SV', 'SR'], ['1.6L I4', '2.0L I4']),
      m('Frontier', 'truck', ['S', 'SV', 'PRO-4X'], ['3.8L V6', '4.0L V6']),
    ],
  },
  {
    make: 'Subaru',
    wmis: ['4S4', 'JF1', 'JF2', '4S3'],
    models: [
      m('Outback', 'suv', ['Base', 'Premium', 'Limited', 'Onyx XT'], ['2.5L H4', '2.4L H4 Turbo']),
      m('Forester', 'suv', ['Base', 'Premium', 'Sport', 'Touring'], ['2.5L H4']),
      m('Crosstrek', 'suv', ['Base', 'Premium', 'Sport'], ['2.0L H4', '2.5L H4']),
      m('Impreza', 'car', ['Base', 'Premium', 'Sport'], ['2.0L H4']),
      m('Ascent', 'suv', ['Premium', 'Limited', 'Touring'], ['2.4L H4 Turbo']),
      m('WRX', 'car', ['Base', 'Sport', 'GT'], ['2.0L H4 Turbo', '2.4L H4 Turbo']),
    ],
  },
  {
    make: 'Hyundai',
    wmis: ['5NP', 'KM8', '5NM', 'KMH'],
    models: [
      m('Elantra', 'car', ['Essential', 'Preferred', 'Luxury', 'N Line'], ['2.0L I4', '1.6L I4 Turbo']),
      m('Tucson', 'suv', ['Essential', 'Preferred', 'Ultimate'], ['2.5L I4', '1.6L I4 Turbo Hybrid']),
      m('Santa Fe', 'suv', ['Essential', 'Preferred', 'Ultimate Calligraphy'], ['2.5L I4', '2.5L I4 Turbo']),
      m('Kona', 'suv', ['Essential', 'Preferred', 'N Line', 'Electric'], ['2.0L I4', '1.6L I4 Turbo', 'Electric']),
      m('Palisade', 'suv', ['Preferred', 'Luxury', 'Ultimate'], ['3.8L V6']),
      m('Accent', 'car', ['Essential', 'Preferred'], ['1.6L I4']),
    ],
  },
  {
    make: 'Kia',
    wmis: ['KNA', 'KND', '5XY', '3KP', '5XX'],
    models: [
      m('Forte', 'car', ['LX', 'EX', 'GT-Line'], ['2.0L I4', '1.6L I4 Turbo']),
      m('Sportage', 'suv', ['LX', 'EX', 'SX'], ['2.4L I4', '2.5L I4', '1.6L I4 Turbo Hybrid']),
      m('Sorento', 'suv', ['LX', 'EX', 'SX'], ['2.5L I4', '2.5L I4 Turbo', '3.3L V6']),
      m('Soul', 'car', ['LX', 'EX', 'GT-Line'], ['2.0L I4', '1.6L I4 Turbo']),
      m('Telluride', 'suv', ['EX', 'SX', 'SX Limited'], ['3.8L V6']),
      m('Carnival', 'van', ['LX', 'EX', 'SX'], ['3.5L V6']),
    ],
  },
  {
    make: 'Mazda',
    wmis: ['JM1', '3MZ', 'JM3', '3MV'],
    models: [
      m('Mazda3', 'car', ['GX', 'GS', 'GT'], ['2.0L I4', '2.5L I4', '2.5L I4 Turbo']),
      m('CX-5', 'suv', ['GX', 'GS', 'GT', 'Signature'], ['2.5L I4', '2.5L I4 Turbo']),
      m('CX-30', 'suv', ['GX', 'GS', 'GT'], ['2.0L I4', '2.5L I4']),
      m('CX-50', 'suv', ['GS-L', 'GT', 'Meridian'], ['2.5L I4', '2.5L I4 Turbo']),
      m('CX-9', 'suv', ['GS', 'GS-L', 'Signature'], ['2.5L I4 Turbo']),
      m('MX-5', 'car', ['GS', 'GT'], ['2.0L I4']),
    ],
  },
  {
    make: 'Volkswagen',
    wmis: ['3VW', '1VW', 'WVG', '3VV', '1V2', 'WVW'],
    models: [
      m('Jetta', 'car', ['Comfortline', 'Highline', 'GLI'], ['1.4L I4 TSI', '1.5L I4 TSI', '2.0L I4 TSI']),
      m('Golf', 'car', ['Comfortline', 'Highline', 'GTI'], ['1.8L I4 TSI', '2.0L I4 TSI']),
      m('Tiguan', 'suv', ['Trendline', 'Comfortline', 'Highline'], ['2.0L I4 TSI']),
      m('Atlas', 'suv', ['Comfortline', 'Highline', 'Execline'], ['2.0L I4 TSI', '3.6L V6']),
      m('Taos', 'suv', ['Trendline', 'Comfortline', 'Highline'], ['1.5L I4 TSI']),
    ],
  },
  {
    make: 'Ram',
    wmis: ['1C6', '3C6', '3C7'],
    models: [
      m('1500', 'truck', ['Tradesman', 'Big Horn', 'Laramie', 'Rebel'], ['5.7L V8 HEMI', '3.6L V6']),
      m('ProMaster', 'van', ['1500 Cargo', '2500 Cargo', '3500 High Roof'], ['3.6L V6']),
    ],
  },
  {
    make: 'GMC',
    wmis: ['1GT', '3GT', '3GK', '1GK'],
    models: [
      m('Sierra 1500', 'truck', ['Pro', 'SLE', 'SLT', 'Denali'], ['5.3L V8', '2.7L I4 Turbo']),
      m('Terrain', 'suv', ['SLE', 'SLT', 'AT4'], ['1.5L I4 Turbo']),
      m('Savana', 'van', ['2500 Cargo', '3500 Cargo'], ['4.3L V6', '6.6L V8']),
    ],
  },
];

/** Work written on service repair orders; the price is labour in dollars, before parts. */
export interface ServiceJob {
  description: string;
  descriptionFr: string;
  labour: [number, number];
  parts: [number, number];
}

const job = (
  description: string,
  descriptionFr: string,
  labour: [number, number],
  parts: [number, number],
): ServiceJob => ({
  description,
  descriptionFr,
  labour,
  parts,
});

export const SERVICE_JOBS: readonly ServiceJob[] = [
  job(
    'Oil and filter change, multi-point inspection',
    "Vidange d'huile et filtre, inspection multipoints",
    [40, 70],
    [45, 90],
  ),
  job('Oil and filter change, tire rotation', "Vidange d'huile et filtre, permutation des pneus", [60, 95], [45, 90]),
  job('Maintenance service A', 'Entretien A', [90, 160], [60, 140]),
  job(
    'Maintenance service B with cabin and engine air filters',
    "Entretien B avec filtres d'habitacle et à air",
    [150, 260],
    [110, 220],
  ),
  job(
    'Replace front brake pads and resurface rotors',
    'Remplacement des plaquettes avant et resurfaçage des disques',
    [180, 280],
    [120, 260],
  ),
  job('Replace rear brake pads and rotors', 'Remplacement des plaquettes et disques arrière', [190, 300], [220, 420]),
  job('Four-wheel alignment', 'Alignement quatre roues', [120, 170], [0, 0]),
  job(
    'Replace battery, test charging system',
    'Remplacement de la batterie, test du système de charge',
    [40, 80],
    [180, 290],
  ),
  job('Coolant flush', 'Rinçage du système de refroidissement', [90, 140], [40, 80]),
  job('Transmission fluid service', 'Entretien du liquide de transmission', [110, 180], [80, 160]),
  job('Replace spark plugs', "Remplacement des bougies d'allumage", [140, 260], [60, 180]),
  job(
    'Diagnose check-engine light, replace O2 sensor',
    'Diagnostic du témoin moteur, remplacement de la sonde O2',
    [150, 260],
    [120, 260],
  ),
  job('Recall campaign performed', 'Campagne de rappel effectuée', [0, 0], [0, 0]),
  job(
    'Replace wiper blades and top up fluids',
    "Remplacement des balais d'essuie-glace et mise à niveau des liquides",
    [20, 40],
    [40, 80],
  ),
  job('Replace serpentine belt', "Remplacement de la courroie d'entraînement", [90, 160], [50, 110]),
  job(
    'Air conditioning service, recharge refrigerant',
    'Entretien de la climatisation, recharge de réfrigérant',
    [130, 200],
    [60, 150],
  ),
  job('Mount and balance four new tires', 'Montage et équilibrage de quatre pneus neufs', [90, 140], [600, 1200]),
];

/** Seasonal work on Canadian repair orders. */
export const TIRE_CHANGEOVER = job(
  'Seasonal tire changeover, check tread depth',
  'Changement de pneus saisonnier, vérification de l’usure',
  [70, 110],
  [0, 25],
);

export const BODY_SHOP_JOBS: readonly ServiceJob[] = [
  job(
    'Collision repair: front bumper cover and headlamp',
    'Réparation de collision : pare-chocs avant et phare',
    [900, 2200],
    [700, 1900],
  ),
  job(
    'Collision repair: rear quarter panel, refinish',
    'Réparation de collision : panneau de custode arrière, peinture',
    [1400, 3200],
    [300, 900],
  ),
  job('Replace windshield', 'Remplacement du pare-brise', [180, 320], [350, 900]),
  job('Paintless dent repair (hail)', 'Débosselage sans peinture (grêle)', [600, 1800], [0, 0]),
  job('Repair and refinish driver door', 'Réparation et peinture de la portière conducteur', [700, 1500], [150, 500]),
];

export const PARTS_SALES: readonly ServiceJob[] = [
  job('Counter sale: winter tires on rims', 'Vente au comptoir : pneus d’hiver sur jantes', [0, 0], [900, 1600]),
  job('Counter sale: all-weather floor mats', 'Vente au comptoir : tapis toutes saisons', [0, 0], [150, 260]),
  job('Counter sale: engine oil and filter kit', 'Vente au comptoir : huile à moteur et filtre', [0, 0], [60, 110]),
  job('Counter sale: roof rack cross bars', 'Vente au comptoir : barres transversales', [0, 0], [300, 520]),
  job('Counter sale: wiper blades', "Vente au comptoir : balais d'essuie-glace", [0, 0], [35, 70]),
];

/** Recommendations the technician wrote down and the customer declined, in English and French. */
export const DEFERRED_ITEMS: readonly (readonly [string, string])[] = [
  ['Front brake pads at 3mm', 'Plaquettes de frein avant à 3 mm'],
  ['Rear brake pads at 4mm', 'Plaquettes de frein arrière à 4 mm'],
  ['Replace cabin air filter', "Remplacer le filtre d'habitacle"],
  ['Replace engine air filter', 'Remplacer le filtre à air du moteur'],
  ['Rear tires worn, 3/32 remaining', 'Pneus arrière usés, 3/32 restants'],
  ['Front tires worn, recommend replacement', 'Pneus avant usés, remplacement recommandé'],
  ['Battery weak, failed load test', 'Batterie faible, échec du test de charge'],
  ['Coolant flush due', 'Rinçage du liquide de refroidissement dû'],
  ['Brake fluid flush due', 'Changement du liquide de frein dû'],
  ['Transmission fluid service due', 'Entretien du liquide de transmission dû'],
  ['Wiper blades streaking', "Balais d'essuie-glace usés"],
  ['Front sway bar links loose', 'Biellettes de barre stabilisatrice avant lâches'],
  ['Oil seepage at valve cover gasket', 'Suintement d’huile au joint du couvre-culasse'],
  ['Serpentine belt cracked', "Courroie d'entraînement fissurée"],
  ['Alignment out of specification', 'Alignement hors spécifications'],
  ['Spark plugs due at next service', "Bougies d'allumage dues au prochain entretien"],
  ['Rear shocks leaking', 'Amortisseurs arrière qui fuient'],
  ['Headlamp lenses hazy, recommend restoration', 'Phares ternis, restauration recommandée'],
];

/** What salespeople log against a customer file, with a note for each. */
export const SALES_ACTIVITIES: readonly (readonly [string, string])[] = [
  ['call', 'Lease maturity call, left voicemail'],
  ['call', 'Equity review: customer in positive equity, interested in upgrading'],
  ['email', 'Sent trade-in appraisal'],
  ['email', 'Sent pricing on new model year'],
  ['showroom_visit', 'Came in to look at the new model, will return with spouse'],
  ['test_drive', 'Test drive, liked the hybrid'],
  ['note', 'Waiting on financing approval'],
  ['call', 'Follow-up after delivery, all good'],
];
