package org.keephope.demo;

import java.util.List;
import java.util.Map;
import org.keephope.target.TargetData;
import org.keephope.target.TargetNames;

/**
 * The members of the G20 at the St Petersburg summit of 5–6 September 2013 and who spoke for each that day:
 * 19 countries and the European Union, which was represented by both the President of the European Council
 * and the President of the European Commission, so 21 targets. No contact address: the demo must never mail
 * a real office.
 */
final class DemoTargets {

    private DemoTargets() {}

    record Demo(
            String externalId, String country, String zone, String name, String title, String nameRu, String titleRu) {

        TargetData data() {
            return new TargetData(
                    externalId,
                    country,
                    new TargetNames(name, title, null),
                    Map.of("ru", new TargetNames(nameRu, titleRu, null)),
                    List.of(),
                    null,
                    zone,
                    true);
        }
    }

    /**
     * Who gets the letter of a supporter whose country none of the targets is for: the European Union's two
     * presidents. The appeal asks leaders to challenge the host, so the host is no fallback; the EU speaks for
     * 28 states at the summit, more than any other member; and "all 21" would send twenty letters per supporter.
     */
    static final List<String> FALLBACK = List.of("g20-2013-eu-council", "g20-2013-eu-commission");

    static final List<Demo> G20_2013 = List.of(
            new Demo(
                    "g20-2013-ar",
                    "AR",
                    "America/Argentina/Buenos_Aires",
                    "Cristina Fernández de Kirchner",
                    "President of Argentina",
                    "Кристина Фернандес де Киршнер",
                    "Президент Аргентины"),
            new Demo(
                    "g20-2013-au",
                    "AU",
                    "Australia/Sydney",
                    "Kevin Rudd",
                    "Prime Minister of Australia",
                    "Кевин Радд",
                    "Премьер-министр Австралии"),
            new Demo(
                    "g20-2013-br",
                    "BR",
                    "America/Sao_Paulo",
                    "Dilma Rousseff",
                    "President of Brazil",
                    "Дилма Руссефф",
                    "Президент Бразилии"),
            new Demo(
                    "g20-2013-ca",
                    "CA",
                    "America/Toronto",
                    "Stephen Harper",
                    "Prime Minister of Canada",
                    "Стивен Харпер",
                    "Премьер-министр Канады"),
            new Demo(
                    "g20-2013-cn",
                    "CN",
                    "Asia/Shanghai",
                    "Xi Jinping",
                    "President of the People's Republic of China",
                    "Си Цзиньпин",
                    "Председатель КНР"),
            new Demo(
                    "g20-2013-fr",
                    "FR",
                    "Europe/Paris",
                    "François Hollande",
                    "President of France",
                    "Франсуа Олланд",
                    "Президент Франции"),
            new Demo(
                    "g20-2013-de",
                    "DE",
                    "Europe/Berlin",
                    "Angela Merkel",
                    "Chancellor of Germany",
                    "Ангела Меркель",
                    "Федеральный канцлер Германии"),
            new Demo(
                    "g20-2013-in",
                    "IN",
                    "Asia/Kolkata",
                    "Manmohan Singh",
                    "Prime Minister of India",
                    "Манмохан Сингх",
                    "Премьер-министр Индии"),
            new Demo(
                    "g20-2013-id",
                    "ID",
                    "Asia/Jakarta",
                    "Susilo Bambang Yudhoyono",
                    "President of Indonesia",
                    "Сусило Бамбанг Юдойоно",
                    "Президент Индонезии"),
            new Demo(
                    "g20-2013-it",
                    "IT",
                    "Europe/Rome",
                    "Enrico Letta",
                    "Prime Minister of Italy",
                    "Энрико Летта",
                    "Председатель Совета министров Италии"),
            new Demo(
                    "g20-2013-jp",
                    "JP",
                    "Asia/Tokyo",
                    "Shinzō Abe",
                    "Prime Minister of Japan",
                    "Синдзо Абэ",
                    "Премьер-министр Японии"),
            new Demo(
                    "g20-2013-mx",
                    "MX",
                    "America/Mexico_City",
                    "Enrique Peña Nieto",
                    "President of Mexico",
                    "Энрике Пенья Ньето",
                    "Президент Мексики"),
            new Demo(
                    "g20-2013-ru",
                    "RU",
                    "Europe/Moscow",
                    "Vladimir Putin",
                    "President of Russia",
                    "Владимир Путин",
                    "Президент России"),
            new Demo(
                    "g20-2013-sa",
                    "SA",
                    "Asia/Riyadh",
                    "Abdullah bin Abdulaziz Al Saud",
                    "King of Saudi Arabia",
                    "Абдалла ибн Абдул-Азиз Аль Сауд",
                    "Король Саудовской Аравии"),
            new Demo(
                    "g20-2013-za",
                    "ZA",
                    "Africa/Johannesburg",
                    "Jacob Zuma",
                    "President of South Africa",
                    "Джейкоб Зума",
                    "Президент ЮАР"),
            new Demo(
                    "g20-2013-kr",
                    "KR",
                    "Asia/Seoul",
                    "Park Geun-hye",
                    "President of the Republic of Korea",
                    "Пак Кын Хе",
                    "Президент Республики Корея"),
            new Demo(
                    "g20-2013-tr",
                    "TR",
                    "Europe/Istanbul",
                    "Recep Tayyip Erdoğan",
                    "Prime Minister of Turkey",
                    "Реджеп Тайип Эрдоган",
                    "Премьер-министр Турции"),
            new Demo(
                    "g20-2013-gb",
                    "GB",
                    "Europe/London",
                    "David Cameron",
                    "Prime Minister of the United Kingdom",
                    "Дэвид Кэмерон",
                    "Премьер-министр Великобритании"),
            new Demo(
                    "g20-2013-us",
                    "US",
                    "America/New_York",
                    "Barack Obama",
                    "President of the United States",
                    "Барак Обама",
                    "Президент США"),
            new Demo(
                    "g20-2013-eu-council",
                    "EU",
                    "Europe/Brussels",
                    "Herman Van Rompuy",
                    "President of the European Council",
                    "Херман Ван Ромпей",
                    "Председатель Европейского совета"),
            new Demo(
                    "g20-2013-eu-commission",
                    "EU",
                    "Europe/Brussels",
                    "José Manuel Barroso",
                    "President of the European Commission",
                    "Жозе Мануэл Баррозу",
                    "Председатель Европейской комиссии"));
}
