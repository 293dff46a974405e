package org.keephope.demo;

import java.util.List;
import org.keephope.coalition.NewOrganisation;

/** The texts of the seed (shared/seed/keep-hope-alive-launch.txt), word for word. */
final class DemoTexts {

    private DemoTexts() {}

    static final String POST_EXCERPT = """
            Today, Russian and international human rights organisations launch the ‘Keep Hope Alive’ campaign asking world leaders to challenge Russia on the deteriorating human rights situation and escalating clamp down on civil society in the context of the G20 meeting taking place in St Petersburg on 5-6 September.""";

    static final String CAMPAIGN_BODY = """
            Since Putin’s return to presidency in 2012, the Russian government has unleashed a crackdown on civil society, targeting in particular human rights defenders protecting the rights of minority groups. A series of discriminatory and restrictive laws have been introduced which significantly restrict civil society organisations and threatens their existence, such as the treason law, the ‘foreign agent’ law, the Dima Yakovlev law, and anti-propaganda law.

            These legal restrictions are supplemented by harassment, intimidation of human rights defenders and civil society representatives casting them as ‘enemies’ of Russia and its ‘traditional values’.

            As a result, these laws and policies fuel violence and discrimination against the most vulnerable minority groups in Russia, the immigrant workers, ethnic and religious minorities and LGBTI people. While ethnic, racial and religious minorities, immigrant workers with non-Slavic appearance have long been targets of neo-Nazi, ultra nationalist groups, with the introduction of new laws and accompanying public rhetoric  ‘demonising’ lesbian, gay, bisexual and trans identities,  LGBTI people (particularly youth) have increasingly become the new ‘bait’ for hate groups.

            The situation has been criticised by virtually all major international organisations highlighting Russia’s violation of very basic international human rights obligations and democratic principles, but much more needs to done to confront Russia. Therefore this campaign appeals to the World leaders to speak up during the G20 meeting in St. Petersburg to challenge Russia to reverse this trend and to comply with its international human rights obligations.
            """;

    static final String POST_BODY = """
            Today, Russian and international human rights organisations launch the ‘Keep Hope Alive’ campaign asking world leaders to challenge Russia on the deteriorating human rights situation and escalating clamp down on civil society in the context of the G20 meeting taking place in St Petersburg on 5-6 September.

            Since Putin’s return to presidency in 2012, the Russian government has unleashed a crackdown on civil society, targeting in particular human rights defenders protecting the rights of minority groups. A series of discriminatory and restrictive laws have been introduced which significantly restrict civil society organisations and threatens their existence, such as the treason law, the ‘foreign agent’ law, the Dima Yakovlev law, and anti-propaganda law.

            These legal restrictions are supplemented by harassment, intimidation of human rights defenders and civil society representatives casting them as ‘enemies’ of Russia and its ‘traditional values’.

            As a result, these laws and policies fuel violence and discrimination against the most vulnerable minority groups in Russia, the immigrant workers, ethnic and religious minorities and LGBTI people. While ethnic, racial and religious minorities, immigrant workers with non-Slavic appearance have long been targets of neo-Nazi, ultra nationalist groups, with the introduction of new laws and accompanying public rhetoric  ‘demonising’ lesbian, gay, bisexual and trans identities,  LGBTI people (particularly youth) have increasingly become the new ‘bait’ for hate groups.

            The situation has been criticised by virtually all major international organisations highlighting Russia’s violation of very basic international human rights obligations and democratic principles, but much more needs to done to confront Russia. Therefore this campaign appeals to the World leaders to speak up during the G20 meeting in St. Petersburg to challenge Russia to reverse this trend and to comply with its international human rights obligations.

            ‘Keep Hope Alive’ campaign is supported by:

            - Civil Rights Defenders
            - Russian LGBT Network
            - Front Line Defenders
            - UNITED for Intercultural Action – European network against nationalism, racism, fascism and in support of migrants and refugees
            - ILGA Europe, International Lesbian, Gay, Bisexual, Trans and Intersex Association
            - Freedom House

            For more information please contact Cecilia Rosing, +46 707 89 60 14.
            """;

    static final List<NewOrganisation> COALITION = List.of(
            new NewOrganisation("civil-rights-defenders", "Civil Rights Defenders", "https://crd.org/", null, null),
            new NewOrganisation("russian-lgbt-network", "Russian LGBT Network", "https://lgbtnet.org/en/", null, null),
            new NewOrganisation(
                    "front-line-defenders", "Front Line Defenders", "https://www.frontlinedefenders.org/", null, null),
            new NewOrganisation(
                    "united-for-intercultural-action",
                    "UNITED for Intercultural Action",
                    "https://www.unitedagainstracism.org/",
                    null,
                    "European network against nationalism, racism, fascism and in support of migrants and refugees"),
            new NewOrganisation(
                    "ilga-europe",
                    "ILGA-Europe",
                    "https://www.ilga-europe.org/",
                    null,
                    "International Lesbian, Gay, Bisexual, Trans and Intersex Association"),
            new NewOrganisation("freedom-house", "Freedom House", "https://freedomhouse.org/", null, null));

    // The letter a supporter starts from (issue 10 item 4): the appeal's asks, addressed to their own leader.
    static final String LETTER_SUBJECT_EN = "At the G20 in St Petersburg, please challenge Russia on human rights";
    static final String LETTER_TEXT_EN = """
            Dear leader,

            When the G20 meets in St Petersburg on 5 and 6 September, please challenge Russia on its crackdown on \
            civil society: the treason law, the "foreign agent" law, the Dima Yakovlev law and the anti-propaganda \
            law, and the harassment and intimidation of human rights defenders. These laws fuel violence and \
            discrimination against immigrant workers, ethnic and religious minorities and LGBTI people.

            Please ask Russia to reverse this trend and to comply with its international human rights \
            obligations. I signed the appeal "Keep Hope Alive" to ask you this.

            Yours sincerely,""";
    static final String LETTER_SUBJECT_RU =
            "На саммите G20 в Санкт-Петербурге: поднимите вопрос о правах человека в России";
    static final String LETTER_TEXT_RU = """
            Уважаемый лидер,

            когда «Большая двадцатка» соберётся в Санкт-Петербурге 5 и 6 сентября, пожалуйста, призовите Россию к \
            ответу за давление на гражданское общество: закон о госизмене, закон об «иностранных агентах», «закон \
            Димы Яковлева» и закон о «пропаганде», преследование и запугивание правозащитников. Эти законы \
            разжигают насилие и дискриминацию в отношении трудовых мигрантов, этнических и религиозных меньшинств \
            и ЛГБТИ-людей.

            Пожалуйста, призовите Россию изменить этот курс и выполнять свои международные обязательства в области \
            прав человека. Я подписал(а) призыв «Сохраним надежду», чтобы попросить вас об этом.

            С уважением,""";
}
