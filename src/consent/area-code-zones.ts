/**
 * Where a North American number lives, by its area code: the province or state and the IANA time
 * zone of the area the code serves. Used for quiet hours when the mailing address names no known
 * province or state. Overlays are listed with the codes they overlay.
 *
 * Where a state spans zones, each code takes the zone of most of the people it serves (915 El Paso
 * is Mountain, 850 and 448 on the Florida panhandle Central, 219 in north-west Indiana Central,
 * 423 and 865 in east Tennessee Eastern). Codes that straddle a line still take one zone; the
 * address, when there is one, wins. Non-geographic codes (toll-free 8XX, 5XX, 600, 700, 900, N11)
 * are deliberately absent, so they fall through to the store's zone.
 */
export const AREA_CODE_GROUPS: readonly (readonly [region: string, zone: string, codes: string])[] = [
  // Canada
  ['CA-AB', 'America/Edmonton', '368 403 587 780 825'],
  ['CA-BC', 'America/Vancouver', '236 250 257 604 672 778'],
  ['CA-MB', 'America/Winnipeg', '204 431 584'],
  ['CA-NB', 'America/Moncton', '428 506'],
  ['CA-NL', 'America/St_Johns', '709 879'],
  // 902 and 782 serve Nova Scotia and Prince Edward Island alike, on one zone.
  ['CA-NS', 'America/Halifax', '782 902'],
  ['CA-ON', 'America/Toronto', '226 249 289 343 365 382 416 437 519 548 613 647 683 705 742 753 807 905 942'],
  ['CA-QC', 'America/Toronto', '263 354 367 418 438 450 468 514 579 581 819 873'],
  ['CA-SK', 'America/Regina', '306 474 639'],
  // One code for three territories across three zones: Mountain is the middle one.
  ['CA-NT', 'America/Yellowknife', '867'],
  // United States
  ['US-AL', 'America/Chicago', '205 251 256 334 483 659 938'],
  ['US-AK', 'America/Anchorage', '907'],
  ['US-AZ', 'America/Phoenix', '480 520 602 623 928'],
  ['US-AR', 'America/Chicago', '327 479 501 870'],
  [
    'US-CA',
    'America/Los_Angeles',
    '209 213 279 310 323 341 350 357 369 408 415 424 442 510 530 559 562 619 626 628 650 657 661 669 707 714 738 747 760 805 818 820 831 837 840 858 909 916 925 949 951',
  ],
  ['US-CO', 'America/Denver', '303 719 720 970 983'],
  ['US-CT', 'America/New_York', '203 475 860 959'],
  ['US-DE', 'America/New_York', '302'],
  ['US-DC', 'America/New_York', '202 771'],
  ['US-FL', 'America/New_York', '239 305 321 324 352 386 407 561 645 656 689 727 728 754 772 786 813 863 904 941 954'],
  ['US-FL', 'America/Chicago', '448 850'],
  ['US-GA', 'America/New_York', '229 404 470 478 678 706 762 770 912 943'],
  ['US-HI', 'Pacific/Honolulu', '808'],
  ['US-ID', 'America/Boise', '208 986'],
  ['US-IL', 'America/Chicago', '217 224 309 312 331 447 464 618 630 708 730 773 779 815 847 861 872'],
  ['US-IN', 'America/Indiana/Indianapolis', '260 317 463 574 765 812 930'],
  ['US-IN', 'America/Chicago', '219'],
  ['US-IA', 'America/Chicago', '319 515 563 641 712'],
  ['US-KS', 'America/Chicago', '316 620 785 913'],
  ['US-KY', 'America/New_York', '502 606 859'],
  ['US-KY', 'America/Chicago', '270 364'],
  ['US-LA', 'America/Chicago', '225 318 337 504 985'],
  ['US-ME', 'America/New_York', '207'],
  ['US-MD', 'America/New_York', '227 240 301 410 443 667'],
  ['US-MA', 'America/New_York', '339 351 413 508 617 774 781 857 978'],
  ['US-MI', 'America/Detroit', '231 248 269 313 517 586 616 679 734 810 906 947 989'],
  ['US-MN', 'America/Chicago', '218 320 507 612 651 763 924 952'],
  ['US-MS', 'America/Chicago', '228 601 662 769'],
  ['US-MO', 'America/Chicago', '314 417 557 573 636 660 816 975'],
  ['US-MT', 'America/Denver', '406'],
  ['US-NE', 'America/Chicago', '308 402 531'],
  ['US-NV', 'America/Los_Angeles', '702 725 775'],
  ['US-NH', 'America/New_York', '603'],
  ['US-NJ', 'America/New_York', '201 551 609 640 732 848 856 862 908 973'],
  ['US-NM', 'America/Denver', '505 575'],
  [
    'US-NY',
    'America/New_York',
    '212 315 329 332 347 363 516 518 585 607 624 631 646 680 716 718 838 845 914 917 929 934',
  ],
  ['US-NC', 'America/New_York', '252 336 472 704 743 828 910 919 980 984'],
  ['US-ND', 'America/Chicago', '701'],
  ['US-OH', 'America/New_York', '216 220 234 283 326 330 380 419 436 440 513 567 614 740 937'],
  ['US-OK', 'America/Chicago', '405 539 572 580 918'],
  ['US-OR', 'America/Los_Angeles', '458 503 541 971'],
  ['US-PA', 'America/New_York', '215 223 267 272 412 445 484 570 582 610 717 724 814 835 878'],
  ['US-RI', 'America/New_York', '401'],
  ['US-SC', 'America/New_York', '803 821 839 843 854 864'],
  ['US-SD', 'America/Chicago', '605'],
  ['US-TN', 'America/Chicago', '615 629 731 901 931'],
  ['US-TN', 'America/New_York', '423 865'],
  [
    'US-TX',
    'America/Chicago',
    '210 214 254 281 325 346 361 409 430 432 469 512 682 713 726 737 806 817 830 832 903 936 940 945 956 972 979',
  ],
  ['US-TX', 'America/Denver', '915'],
  ['US-UT', 'America/Denver', '385 435 801'],
  ['US-VT', 'America/New_York', '802'],
  ['US-VA', 'America/New_York', '276 434 540 571 686 703 757 804 826 948'],
  ['US-WA', 'America/Los_Angeles', '206 253 360 425 509 564'],
  ['US-WV', 'America/New_York', '304 681'],
  ['US-WI', 'America/Chicago', '262 274 353 414 534 608 715 920'],
  ['US-WY', 'America/Denver', '307'],
  ['US-PR', 'America/Puerto_Rico', '787 939'],
];

export interface AreaCodePlace {
  /** ISO 3166-1 alpha-2, upper case: 'CA', 'US'. */
  country: string;
  /** The province or state code, upper case: 'ON', 'FL'. */
  region: string;
  zone: string;
}

/** Every geographic NANP area code of Canada and the United States we place, keyed by its 3 digits. */
export const AREA_CODE_PLACES: ReadonlyMap<string, AreaCodePlace> = new Map(
  AREA_CODE_GROUPS.flatMap(([key, zone, codes]) => {
    const [country = '', region = ''] = key.split('-');
    return codes.split(' ').map((code) => [code, { country, region, zone }] as const);
  }),
);

/**
 * The area code of a number stored as E.164: the three digits after '+1', or null for a number
 * outside the NANP. Deliberately no stricter than the SQL twin (`substring(p from 3 for 3)` when
 * the number starts with '+1'), so both look up the same key.
 */
export function areaCodeOf(phone: string | null): string | null {
  return phone?.startsWith('+1') ? phone.slice(2, 5) : null;
}
