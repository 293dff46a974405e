package org.keephope.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keephope.account.StaffInBrowser;
import org.keephope.campaign.Campaigns;
import org.keephope.signature.SignerLinks;
import org.keephope.support.AbstractIntegrationTest;
import org.keephope.support.Browser;
import org.keephope.support.Signer;
import org.keephope.support.TestMail;
import org.keephope.target.Targets;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The journey in two real browsers, JavaScript off: a supporter signs from Germany, confirms and writes to
 * Angela Merkel; staff see the letter queued (the target paused), let it go, and the dry run lands at the test
 * address and never at the office; staff make the package, put its delivery on record, and the public page says
 * delivered.
 */
class LetterAndDeliveryJourneyIT extends AbstractIntegrationTest {

    @Autowired
    Campaigns campaigns;

    @Autowired
    Targets targets;

    @Autowired
    SignerLinks links;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    static void waitUntil(WebDriver driver, java.util.function.Predicate<WebDriver> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(condition::test);
    }

    static void heading(WebDriver driver, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.textToBe(By.tagName("h1"), text));
    }

    static List<String> recipients(MimeMessage m) {
        try {
            return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                    .map(a -> ((jakarta.mail.internet.InternetAddress) a).getAddress())
                    .toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void signConfirmWriteToMyLeaderStaffSeeItQueuedTheDryRunMailboxHoldsItStaffRecordTheDelivery() throws Exception {
        var campaign = new DeliveryFixtures(campaigns, targets, links, jdbc).campaign();
        String office = "office-" + campaign.slug() + "-de@example.invalid";
        List<String> requests = new ArrayList<>();
        try (Browser staffBrowser = Browser.withoutJavaScript();
                Browser supporterBrowser = Browser.withoutJavaScript()) {
            WebDriver staff = staffBrowser.driver();
            WebDriver supporter = supporterBrowser.driver();
            StaffInBrowser.signInAsEditor(staff, context, this::url);

            // staff hold Merkel's letters for now, so that they can see one queued
            staff.get(url("/admin/campaigns/" + campaign.slug() + "/letters"));
            String section = "#target-" + campaign.germany();
            staff.findElement(By.cssSelector(section + " input[name=paused]")).click();
            staff.findElement(By.cssSelector(section + " form.sending button[type=submit]"))
                    .click();
            waitUntil(staff, d -> d.getCurrentUrl().contains("saved"));

            // a supporter signs from Germany and confirms
            Signer signer = new Signer("Greta", "DE");
            supporter.get(url("/campaigns/" + campaign.slug()));
            supporter.findElement(By.id("firstName")).sendKeys("Greta");
            supporter.findElement(By.id("lastName")).sendKeys("Tester");
            supporter.findElement(By.id("email")).sendKeys(signer.email);
            new Select(supporter.findElement(By.id("country"))).selectByVisibleText("Germany");
            Thread.sleep(3200); // the form's minimum fill time
            supporter
                    .findElement(By.cssSelector("form[action$='/sign'] button[type=submit]"))
                    .click();
            heading(supporter, "Check your email");
            supporter.get(url(Signer.link(signer.awaitMail(), "/confirm/")));
            supporter.findElement(By.cssSelector("form button[type=submit]")).click();
            heading(supporter, "Thank you, your signature counts");
            assertThat(supporter.getPageSource()).contains("Angela Merkel");

            // … and writes to their own leader
            supporter.findElement(By.cssSelector("a.button[href^='/letters/']")).click();
            heading(supporter, "Write to your leader");
            supporter.findElement(By.id("agree")).click();
            supporter.findElement(By.cssSelector("form button[type=submit]")).click();
            heading(supporter, "Your letter is on its way");
            requests.addAll(supporterBrowser.requestedUrls());

            // staff see it queued, then let it go
            staff.get(url("/admin/campaigns/" + campaign.slug() + "/letters"));
            assertThat(staff.findElement(By.cssSelector(section + " .queued")).getText())
                    .isEqualTo("1");
            staff.findElement(By.cssSelector(section + " input[name=paused]")).click();
            staff.findElement(By.cssSelector(section + " form.sending button[type=submit]"))
                    .click();
            waitUntil(staff, d -> d.getCurrentUrl().contains("saved"));

            // the dry run lands at the test address (the dev mailbox without SMTP), never at the office
            Instant end = Instant.now().plusSeconds(30);
            List<MimeMessage> dry = List.of();
            while (Instant.now().isBefore(end) && dry.isEmpty()) {
                dry = Arrays.stream(TestMail.server().getReceivedMessages())
                        .filter(m -> Signer.text(m).contains("Greta Tester"))
                        .filter(m -> Signer.text(m).contains(office))
                        .toList();
                Signer.sleep(200);
            }
            assertThat(dry).hasSize(1);
            assertThat(dry.get(0).getSubject()).startsWith("[DRY RUN] ");
            assertThat(recipients(dry.get(0))).containsExactly("no-reply@localhost");
            assertThat(Arrays.stream(TestMail.server().getReceivedMessages()).flatMap(m -> recipients(m).stream()))
                    .doesNotContain(office);
            staff.get(url("/admin/campaigns/" + campaign.slug() + "/letters"));
            assertThat(staff.findElement(By.cssSelector(section + " .sent")).getText())
                    .isEqualTo("1");

            // staff make Merkel's package, then put its delivery on record
            staff.get(url("/admin/campaigns/" + campaign.slug() + "/delivery"));
            new Select(staff.findElement(By.id("target"))).selectByValue("" + campaign.germany());
            new Select(staff.findElement(By.id("format"))).selectByValue("csv");
            staff.findElement(By.cssSelector("form.delivery-form button[type=submit]"))
                    .click();
            Instant made = Instant.now().plusSeconds(20);
            String sha256 = null;
            while (sha256 == null && Instant.now().isBefore(made)) {
                sha256 = jdbc.sql("select sha256 from delivery_package where campaign_id = ? and target_id = ?")
                        .params(campaign.id(), campaign.germany())
                        .query(String.class)
                        .optional()
                        .orElse(null);
                Signer.sleep(100);
            }
            assertThat(sha256).isNotNull();
            staff.get(url("/admin/campaigns/" + campaign.slug() + "/delivery"));
            assertThat(staff.findElement(By.id("sha256")).getAttribute("value"))
                    .as("the newest package is filled in")
                    .isEqualTo(sha256);
            new Select(staff.findElement(By.id("record-target"))).selectByValue("" + campaign.germany());
            staff.findElement(By.id("method-in-person")).click();
            staff.findElement(By.id("deliveredBy")).sendKeys("Civil Rights Defenders");
            staff.findElement(By.cssSelector("form.delivery-record button[type=submit]"))
                    .click();
            waitUntil(staff, d -> d.getCurrentUrl().contains("recorded"));
            assertThat(staff.getPageSource()).contains(sha256);

            // the public page says delivered
            supporter.get(url("/campaigns/" + campaign.slug()));
            assertThat(supporter.findElement(By.cssSelector(".targets")).getText())
                    .contains("Delivered to Angela Merkel on");
            requests.addAll(supporterBrowser.requestedUrls());
            requests.addAll(staffBrowser.requestedUrls());
            assertThat(supporterBrowser.consoleErrors()).isEmpty();
        }
        // nothing from another host; data: URLs are the browser's own (the date field's calendar icon)
        assertThat(requests)
                .isNotEmpty()
                .allSatisfy(u -> assertThat(u.startsWith(url("/")) || u.startsWith("data:"))
                        .as(u)
                        .isTrue());
    }
}
