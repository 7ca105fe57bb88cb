package org.partybuilding.local.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.partybuilding.local.demo.DemoDistrict.Instructor;
import org.partybuilding.local.demo.DemoDistrict.Member;
import org.partybuilding.local.demo.DemoDistrict.Mobility;
import org.partybuilding.local.demo.DemoDistrict.Organization;
import org.partybuilding.local.demo.DemoDistrict.PartyOrganization;
import org.partybuilding.local.demo.DemoDistrict.Situation;

/**
 * Generates the demo district of DOMAIN.md §5 from a seed: with the default sizes (270 organizations, 432 party
 * members) exactly the Yuexiu figures — 65 social groups and 205 private non-enterprise units in 18 streets, 7,022
 * employees, 3,363 full-time staff, 54 organizations with 15+ full-time staff, 33 with 3+ formal members, 25 party
 * organizations of which 5 joint. Other sizes scale every count in the same proportions (benchmarks:
 * {@code --organizations 10000 --members 100000}). Same seed and sizes → the same district, value for value.
 * <p>
 * "Members" here are party members (formal and probationary, mobile ones included); about 5 % more people in
 * development (applicants, activists, development targets) come on top. Every date is on or before
 * {@link DemoDistrict#DATA_AS_OF}, so the data does not depend on the day it is generated.
 * <p>
 * Why this file is longer than ~400 lines: the district is generated in one pass whose steps share the seeded random
 * stream (organizations, their members, party organizations, instructors, people in development); split apart, the
 * order of the draws — and so the district of a seed — would be spread over several files.
 */
public final class DistrictGenerator {

    public static final int DEFAULT_ORGANIZATIONS = 270;
    public static final int DEFAULT_MEMBERS = 432;
    public static final long DEFAULT_SEED = 0;

    /** The §5 proportions, as counts out of the 270 organizations or 432 members of the demo district. */
    private static final int SOCIAL_GROUPS = 65;
    private static final int SINGLE = 20;
    private static final int SHOULD_FORM_SINGLE = 13;
    private static final int JOINT_PARTY_ORGANIZATIONS = 5;
    private static final int ORGANIZATIONS_PER_JOINT = 3;
    private static final int NEEDS_JOINT = 20;
    private static final int INSTRUCTOR = 150;
    private static final int EMPLOYEES = 7_022;
    private static final int FULL_TIME_STAFF = 3_363;
    private static final int WITH_15_FULL_TIME = 54;
    private static final int MOBILE = 8;
    private static final int MIN_FULL_TIME_OF_LARGE = 15;
    /**
     * The generator's choice of type: a party organization over this many members is made a general branch, so that the
     * district it builds has no oversized branch. Data it builds, not a figure it checks: what the services report is
     * compared with ExpectedFigures' fixed numbers, whatever branch-service's threshold is.
     */
    private static final int GENERAL_BRANCH_ABOVE_MEMBERS = 50;
    private static final int INSTRUCTOR_MAX_ORGANIZATIONS = 10;
    /** The party organizations are established from 2 January of the demo's year, over this many days. */
    private static final LocalDate ESTABLISHED_FROM = LocalDate.of(DemoDistrict.DATA_AS_OF.getYear(), 1, 2);
    private static final int ESTABLISHMENT_DAYS = 8;

    public static final List<String> STREETS = List.of("HONGQIAO", "BEIJING", "LIURONG", "LIUHUA", "GUANGTA", "RENMIN",
            "DONGSHAN", "NONGLIN", "MEIHUACUN", "HUANGHUAGANG", "HUALE", "JIANSHE", "DATANG", "ZHUGUANG", "DADONG",
            "BAIYUN", "DENGFENG", "KUANGQUAN");
    private static final List<String> STREET_NAMES = List.of("洪桥", "北京", "六榕", "流花", "光塔", "人民", "东山", "农林",
            "梅花村", "黄花岗", "华乐", "建设", "大塘", "珠光", "大东", "白云", "登峰", "矿泉");
    private static final List<String> INDUSTRIES = List.of("EDUCATION", "HEALTH", "CULTURE", "SPORTS", "SCIENCE_TECHNOLOGY",
            "SOCIAL_SERVICE", "ELDERLY_CARE", "CHARITY", "LEGAL_SERVICES", "ACCOUNTING", "TRADE_ASSOCIATION", "OTHER");
    private static final List<String> INDUSTRY_WORDS = List.of("教育", "健康", "文化", "体育", "科技", "社会服务", "养老",
            "慈善", "法律服务", "会计", "商会", "综合");
    private static final List<String> SUPERVISORY_UNITS = List.of("越秀区教育局", "越秀区卫生健康局", "越秀区文化广电旅游体育局",
            "越秀区文化广电旅游体育局", "越秀区科学技术局", "越秀区民政局", "越秀区民政局", "越秀区民政局", "越秀区司法局",
            "越秀区财政局", "越秀区工商业联合会", "");
    private static final String[] NAME_WORDS = {"明德", "启航", "和美", "仁爱", "博雅", "弘毅", "同心", "致远", "乐群", "善行",
            "惠民", "康宁", "育才", "晨曦", "青禾", "丰盈", "诚信", "睿智", "向阳", "安和", "书香", "红棉", "越秀", "羊城", "珠江",
            "五羊", "德馨", "嘉禾", "春晖", "知行"};
    private static final String[] GROUP_SUFFIXES = {"协会", "促进会", "联合会", "研究会", "联谊会"};
    private static final String[] UNIT_SUFFIXES = {"服务中心", "培训中心", "发展中心", "工作室", "社会工作服务社"};
    private static final String[] SURNAMES = {"陈", "李", "黄", "张", "梁", "刘", "林", "何", "王", "吴", "罗", "郑", "谢", "冯",
            "邓", "曾", "彭", "苏", "卢", "蔡"};
    private static final String[] GIVEN = {"志强", "丽华", "建国", "美玲", "伟明", "晓燕", "国华", "淑芬", "家豪", "嘉欣", "俊杰",
            "慧敏", "振华", "雪梅", "子健", "婉婷", "永康", "佩仪", "文杰", "颖"};
    private static final List<String> EDUCATION = List.of("SENIOR_SECONDARY", "VOCATIONAL", "ASSOCIATE", "BACHELOR",
            "BACHELOR", "BACHELOR", "MASTER", "DOCTORATE");
    /** After-tax monthly incomes away from rule 11's bounds, whole hundreds so every rate gives whole fen. */
    private static final int[] EMPLOYED_INCOMES = {2600, 2800, 3600, 4200, 4800, 5600, 6800, 7600, 8800, 9600, 11000, 12500, 15000};
    private static final int[] RETIRED_INCOMES = {3200, 4600, 5800, 6400};

    private DistrictGenerator() {
    }

    /** The demo district: seed 0, 270 organizations, 432 party members. */
    public static DemoDistrict demo() {
        return generate(DEFAULT_SEED, DEFAULT_ORGANIZATIONS, DEFAULT_MEMBERS);
    }

    /**
     * A district of {@code organizations} organizations and {@code members} party members.
     *
     * @throws IllegalArgumentException when the sizes cannot keep the §5 proportions (too few members for the
     *                                  organizations that must have 3+ formal members)
     */
    public static DemoDistrict generate(long seed, int organizations, int members) {
        return new Builder(seed, organizations, members).build();
    }

    static int scaled(int count, int of, int size) {
        return (int) Math.round((double) count * size / of);
    }

    private static final class Builder {
        private final long seed;
        private final int size;
        private final int memberCount;
        private final Random random;
        private final Set<String> idNumbers = new HashSet<>();
        private final Set<String> names = new HashSet<>();

        Builder(long seed, int organizations, int members) {
            if (organizations < 1 || members < 0) {
                throw new IllegalArgumentException("need at least 1 organization and 0 members");
            }
            if (organizations > 999_999) {
                throw new IllegalArgumentException("at most 999,999 organizations");
            }
            this.seed = seed;
            this.size = organizations;
            this.memberCount = members;
            this.random = new Random(seed);
        }

        DemoDistrict build() {
            int single = Math.max(1, scaled(SINGLE, DEFAULT_ORGANIZATIONS, size));
            int shouldFormSingle = scaled(SHOULD_FORM_SINGLE, DEFAULT_ORGANIZATIONS, size);
            int jointGroups = scaled(JOINT_PARTY_ORGANIZATIONS, DEFAULT_ORGANIZATIONS, size);
            int needsJoint = scaled(NEEDS_JOINT, DEFAULT_ORGANIZATIONS, size);
            int instructor = scaled(INSTRUCTOR, DEFAULT_ORGANIZATIONS, size);
            while (single + shouldFormSingle + jointGroups * ORGANIZATIONS_PER_JOINT + needsJoint + instructor > size) {
                if (instructor > 0) {
                    instructor--;
                } else if (needsJoint > 0) {
                    needsJoint--;
                } else if (jointGroups > 0) {
                    jointGroups--;
                } else {
                    shouldFormSingle--;
                }
            }
            int needsInstructor = size - single - shouldFormSingle - jointGroups * ORGANIZATIONS_PER_JOINT - needsJoint - instructor;

            // Situations and streets; a joint party organization's organizations share a street.
            List<Situation> situations = new ArrayList<>();
            List<String> streets = new ArrayList<>();
            List<Integer> jointGroupOf = new ArrayList<>();
            add(situations, Situation.SINGLE, single);
            add(situations, Situation.SHOULD_FORM_SINGLE, shouldFormSingle);
            add(situations, Situation.NEEDS_JOINT, needsJoint);
            add(situations, Situation.INSTRUCTOR, instructor);
            add(situations, Situation.NEEDS_INSTRUCTOR, needsInstructor);
            List<Integer> streetOrder = new ArrayList<>();
            for (int i = 0; i < situations.size(); i++) {
                streetOrder.add(i % STREETS.size());
            }
            Collections.shuffle(streetOrder, random);
            for (int i = 0; i < situations.size(); i++) {
                streets.add(STREETS.get(streetOrder.get(i)));
                jointGroupOf.add(-1);
            }
            for (int g = 0; g < jointGroups; g++) {
                String street = STREETS.get((g * 7 + 3) % STREETS.size());
                for (int k = 0; k < ORGANIZATIONS_PER_JOINT; k++) {
                    situations.add(Situation.JOINT);
                    streets.add(street);
                    jointGroupOf.add(g);
                }
            }
            // A random order, so that an organization's index or name tells nothing of its situation.
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                order.add(i);
            }
            Collections.shuffle(order, random);

            // Types: exactly the share of social groups.
            List<Boolean> socialGroup = new ArrayList<>();
            int groups = scaled(SOCIAL_GROUPS, DEFAULT_ORGANIZATIONS, size);
            for (int i = 0; i < size; i++) {
                socialGroup.add(i < groups);
            }
            Collections.shuffle(socialGroup, random);

            Situation[] situationOf = new Situation[size];
            String[] streetOf = new String[size];
            int[] groupOf = new int[size];
            for (int i = 0; i < size; i++) {
                int from = order.get(i);
                situationOf[i] = situations.get(from);
                streetOf[i] = streets.get(from);
                groupOf[i] = jointGroupOf.get(from);
            }

            // Members per organization.
            List<Member> people = new ArrayList<>();
            int[] formal = new int[size];
            int[] probationary = new int[size];
            int[] headcount = new int[size];
            Map<Integer, List<Integer>> jointMembers = new LinkedHashMap<>();
            int mobile = scaled(MOBILE, DEFAULT_MEMBERS, memberCount);
            int placed = 0;
            for (int i = 0; i < size; i++) {
                switch (situationOf[i]) {
                    case SHOULD_FORM_SINGLE -> formal[i] = 3 + random.nextInt(3);
                    case JOINT -> {
                        List<Integer> group = jointMembers.computeIfAbsent(groupOf[i], g -> new ArrayList<>());
                        formal[i] = group.size() == 1 ? 2 : 1; // 1 + 2 + 1 = 4 formal members per joint party organization
                        group.add(i);
                    }
                    case NEEDS_JOINT -> formal[i] = 1 + random.nextInt(2);
                    default -> {
                    }
                }
                placed += formal[i];
            }
            List<Integer> singles = indexes(situationOf, Situation.SINGLE);
            int rest = memberCount - placed - mobile;
            if (rest < 3 * singles.size()) {
                throw new IllegalArgumentException(String.format("%d members are too few for %d organizations: need at least %d",
                        memberCount, size, placed + mobile + 3 * singles.size()));
            }
            for (int i : singles) {
                formal[i] = 3;
            }
            rest -= 3 * singles.size();
            // The rest spread over the organizations with their own party organization; about one in ten probationary.
            for (int n = 0; n < rest; n++) {
                int i = singles.get(random.nextInt(singles.size()));
                if (random.nextInt(10) == 0) {
                    probationary[i]++;
                } else {
                    formal[i]++;
                }
            }
            for (int i = 0; i < size; i++) {
                for (int n = 0; n < formal[i]; n++) {
                    people.add(partyMember(people.size(), i, "FORMAL", null));
                }
                for (int n = 0; n < probationary[i]; n++) {
                    people.add(partyMember(people.size(), i, "PROBATIONARY", null));
                }
            }
            // Mobile members work where there is no party organization yet (their relationship is elsewhere).
            List<Integer> hosts = indexes(situationOf, Situation.SHOULD_FORM_SINGLE);
            if (hosts.isEmpty()) {
                hosts = singles;
            }
            for (int n = 0; n < mobile; n++) {
                int i = hosts.get(n % hosts.size());
                LocalDate since = DemoDistrict.DATA_AS_OF.minusDays(60 + random.nextInt(900));
                Mobility mobility = new Mobility("中共" + pick(new String[] {"湛江市", "茂名市", "韶关市", "梅州市", "长沙市", "南宁市"})
                        + pick(new String[] {"第一", "第二", "第三"}) + "社区党支部",
                        String.format("LD%08d", 10_000 + people.size()), since, random.nextInt(5) == 0);
                people.add(partyMember(people.size(), i, "FORMAL", mobility));
            }
            // People in development, about 5 % on top, in organizations with a party organization (which admits them).
            int development = scaled(5, 100, memberCount);
            String[] stages = {"APPLICANT", "ACTIVIST", "DEVELOPMENT_TARGET"};
            for (int n = 0; n < development; n++) {
                int i = singles.get(random.nextInt(singles.size()));
                people.add(inDevelopment(people.size(), i, stages[n % stages.length]));
            }
            for (Member m : people) {
                headcount[m.organization()]++;
            }

            int[] fullTime = fullTimeStaff(situationOf);
            int[] employees = employees(fullTime, headcount);

            List<Organization> organizations = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                organizations.add(organization(i, socialGroup.get(i), situationOf[i], streetOf[i], employees[i], fullTime[i]));
            }

            List<PartyOrganization> partyOrganizations = new ArrayList<>();
            for (int i : singles) {
                Organization o = organizations.get(i);
                int partyMembers = formal[i] + probationary[i];
                boolean general = partyMembers > GENERAL_BRANCH_ABOVE_MEMBERS;
                partyOrganizations.add(new PartyOrganization(partyOrganizations.size(),
                        "中共" + o.name() + (general ? "总支部委员会" : "支部委员会"), general ? "GENERAL_BRANCH" : "BRANCH", "SINGLE",
                        List.of(i), o.street(), o.industry(), "中共广州市越秀区社会组织委员会", establishedOn()));
            }
            Map<String, Integer> jointsPerStreet = new LinkedHashMap<>();
            for (List<Integer> group : jointMembers.values()) {
                String street = streetOf[group.get(0)];
                int n = jointsPerStreet.merge(street, 1, Integer::sum);
                partyOrganizations.add(new PartyOrganization(partyOrganizations.size(),
                        "中共越秀区" + STREET_NAMES.get(STREETS.indexOf(street)) + "街社会组织联合支部委员会" + (n > 1 ? "（" + n + "）" : ""),
                        "BRANCH", "JOINT", group, street, null, "中共广州市越秀区社会组织委员会", establishedOn()));
            }

            List<Instructor> instructors = new ArrayList<>();
            for (String street : STREETS) {
                List<Integer> uncovered = new ArrayList<>();
                for (int i = 0; i < size; i++) {
                    if (situationOf[i] == Situation.INSTRUCTOR && streetOf[i].equals(street)) {
                        uncovered.add(i);
                    }
                }
                for (int from = 0; from < uncovered.size(); from += INSTRUCTOR_MAX_ORGANIZATIONS) {
                    instructors.add(new Instructor(personName(), phone(), uncovered.subList(from,
                            Math.min(uncovered.size(), from + INSTRUCTOR_MAX_ORGANIZATIONS)),
                            LocalDate.of(2025, 3, 1).plusDays(random.nextInt(400))));
                }
            }
            return new DemoDistrict(seed, organizations, people, partyOrganizations, instructors);
        }

        /** Full-time staff: exactly the share of organizations with 15+ (those with a party organization first), summing to the total. */
        private int[] fullTimeStaff(Situation[] situationOf) {
            int total = scaled(FULL_TIME_STAFF, DEFAULT_ORGANIZATIONS, size);
            int largeCount = Math.min(size, scaled(WITH_15_FULL_TIME, DEFAULT_ORGANIZATIONS, size));
            List<Integer> candidates = new ArrayList<>();
            for (Situation preferred : Situation.values()) {
                List<Integer> these = indexes(situationOf, preferred);
                Collections.shuffle(these, random);
                candidates.addAll(these);
            }
            boolean[] large = new boolean[size];
            for (int n = 0; n < largeCount; n++) {
                large[candidates.get(n)] = true;
            }
            int[] staff = new int[size];
            int sum = 0;
            for (int i = 0; i < size; i++) {
                staff[i] = large[i] ? MIN_FULL_TIME_OF_LARGE : 1;
                sum += staff[i];
            }
            if (sum > total) {
                throw new IllegalArgumentException("too many organizations for " + total + " full-time staff");
            }
            // Spread what is left: a small organization stays below 15, a large one takes any.
            while (sum < total) {
                int i = random.nextInt(size);
                if (large[i] || staff[i] < MIN_FULL_TIME_OF_LARGE - 1) {
                    if (large[i] || random.nextInt(3) == 0) { // large organizations grow faster
                        staff[i]++;
                        sum++;
                    }
                } else if (largeCount > 0) {
                    int j = candidates.get(random.nextInt(largeCount));
                    staff[j]++;
                    sum++;
                }
            }
            return staff;
        }

        /** Employees: at least the full-time staff and the people in member-service there, summing to the total. */
        private int[] employees(int[] fullTime, int[] headcount) {
            int total = scaled(EMPLOYEES, DEFAULT_ORGANIZATIONS, size);
            int[] employees = new int[size];
            int sum = 0;
            for (int i = 0; i < size; i++) {
                employees[i] = Math.max(fullTime[i], headcount[i]);
                sum += employees[i];
            }
            if (sum > total) {
                throw new IllegalArgumentException("too many members for " + total + " employees");
            }
            while (sum < total) {
                employees[random.nextInt(size)]++;
                sum++;
            }
            return employees;
        }

        private Organization organization(int i, boolean socialGroup, Situation situation, String street, int employees, int fullTime) {
            int industry = random.nextInt(INDUSTRIES.size());
            String streetName = STREET_NAMES.get(STREETS.indexOf(street));
            String base = (socialGroup ? "广州市越秀区" : "越秀区") + pick(NAME_WORDS) + INDUSTRY_WORDS.get(industry)
                    + (socialGroup ? pick(GROUP_SUFFIXES) : pick(UNIT_SUFFIXES));
            String name = base;
            for (int n = 2; !names.add(name); n++) {
                name = base.replaceFirst("越秀区", "越秀区" + streetName) + (n > 2 ? "（" + (n - 1) + "）" : "");
            }
            String supervisory = SUPERVISORY_UNITS.get(industry);
            int status = random.nextInt(50);
            return new Organization(i, name, IdentityCodes.creditCode("YX", i + 1, socialGroup ? '1' : '2'),
                    socialGroup ? "SOCIAL_GROUP" : "PRIVATE_NON_ENTERPRISE",
                    LocalDate.of(2001, 1, 1).plusDays(random.nextInt(8700)), supervisory.isEmpty() ? null : supervisory,
                    INDUSTRIES.get(industry), street, "越秀区" + streetName + "街" + pick(new String[] {"中路", "东路", "西路", "大街", "横路"})
                            + (1 + random.nextInt(300)) + "号",
                    personName(), situation == Situation.SINGLE ? random.nextBoolean() : random.nextInt(10) == 0,
                    employees, fullTime, status < 45 ? "NORMAL" : status < 49 ? "DIFFICULT" : "SUSPENDED", situation);
        }

        private Member partyMember(int index, int organization, String stage, Mobility mobile) {
            LocalDate birth = LocalDate.of(1955, 1, 1).plusDays(random.nextInt(45 * 365));
            LocalDate confirmed;
            LocalDate admitted;
            if (stage.equals("FORMAL")) {
                LocalDate earliest = birth.plusYears(23);
                // admitted a year before, so before the training records start
                LocalDate latest = DemoDistrict.TRAINING_RECORDS_START.plusMonths(6).minusDays(1);
                if (earliest.isBefore(LocalDate.of(1985, 1, 1))) {
                    earliest = LocalDate.of(1985, 1, 1);
                }
                confirmed = earliest.plusDays(random.nextInt((int) Math.max(1, latest.toEpochDay() - earliest.toEpochDay())));
                admitted = confirmed.minusYears(1);
            } else {
                confirmed = null;
                // admitted in the 250 days before the training records start (rule 8's gate for a registered history)
                admitted = DemoDistrict.TRAINING_RECORDS_START.minusDays(250).plusDays(random.nextInt(250));
                if (birth.plusYears(23).isAfter(admitted)) {
                    birth = admitted.minusYears(23 + random.nextInt(20));
                }
            }
            LocalDate target = admitted.minusMonths(3 + random.nextInt(4));
            LocalDate activist = target.minusMonths(13 + random.nextInt(6));
            LocalDate applied = activist.minusMonths(2 + random.nextInt(6));
            return member(index, organization, stage, birth, applied, activist, target, admitted, confirmed, mobile);
        }

        private Member inDevelopment(int index, int organization, String stage) {
            LocalDate birth = LocalDate.of(1975, 1, 1).plusDays(random.nextInt(25 * 365));
            LocalDate applied = stage.equals("APPLICANT") ? LocalDate.of(2026, 4, 1).plusDays(random.nextInt(200))
                    : LocalDate.of(2023, 1, 1).plusDays(random.nextInt(300));
            LocalDate activist = stage.equals("APPLICANT") ? null : applied.plusMonths(3 + random.nextInt(4));
            LocalDate target = stage.equals("DEVELOPMENT_TARGET") ? activist.plusMonths(13 + random.nextInt(6)) : null;
            return member(index, organization, stage, birth, applied, activist, target, null, null, null);
        }

        private Member member(int index, int organization, String stage, LocalDate birth, LocalDate applied, LocalDate activist,
                LocalDate target, LocalDate admitted, LocalDate confirmed, Mobility mobile) {
            boolean male = random.nextBoolean();
            String id;
            do {
                int sequence = random.nextInt(500) * 2 + (male ? 1 : 0);
                id = IdentityCodes.idNumber(birth, sequence);
            } while (!idNumbers.add(id));
            int category = random.nextInt(100);
            String incomeCategory;
            int income;
            if (category < 90) {
                incomeCategory = "EMPLOYED";
                income = EMPLOYED_INCOMES[random.nextInt(EMPLOYED_INCOMES.length)];
            } else if (category < 97) {
                incomeCategory = "RETIRED";
                income = RETIRED_INCOMES[random.nextInt(RETIRED_INCOMES.length)];
            } else {
                incomeCategory = "HARDSHIP";
                income = 1200;
            }
            return new Member(index, personName(), male ? "MALE" : "FEMALE", id, phone(),
                    EDUCATION.get(random.nextInt(EDUCATION.size())), organization, stage, applied, activist, target, admitted,
                    confirmed, BigDecimal.valueOf(income).setScale(2), incomeCategory, mobile);
        }

        /**
         * The demo's party organizations are established in the demo's year (2026, {@link DemoDistrict#DATA_AS_OF}), in
         * its first days, before its first meeting (10 January): new party organizations of an open fiscal year, so each
         * gets its start-up grant (rule 14), and compliance counts the year from the start. One draw as before, so the
         * rest of the district keeps its values.
         */
        private LocalDate establishedOn() {
            return ESTABLISHED_FROM.plusDays(random.nextInt(290) % ESTABLISHMENT_DAYS);
        }

        private String personName() {
            return pick(SURNAMES) + pick(GIVEN);
        }

        private String phone() {
            return "13" + (5 + random.nextInt(5)) + String.format("%08d", random.nextInt(100_000_000));
        }

        private String pick(String[] words) {
            return words[random.nextInt(words.length)];
        }

        private static void add(List<Situation> list, Situation situation, int count) {
            for (int n = 0; n < count; n++) {
                list.add(situation);
            }
        }

        private static List<Integer> indexes(Situation[] situations, Situation wanted) {
            List<Integer> list = new ArrayList<>();
            for (int i = 0; i < situations.length; i++) {
                if (situations[i] == wanted) {
                    list.add(i);
                }
            }
            return list;
        }
    }
}
