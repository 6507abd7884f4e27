-- Understanding: the sentence model's reading of each item, the taxonomy it reads against, and re-analysis.

-- What the model read. Until it has read an item (analysed_at null) the item shows the first answer given with
-- the 201 (keywords and lexicon), and its feedback.received waits: the event carries what the model read.
alter table feedback add column analysed_at timestamptz;
-- An analysis worker holds a pending item until then; another takes it over after a crash.
alter table feedback add column analysis_lease_until timestamptz;
-- POSITIVE, NEGATIVE, NEUTRAL or MIXED (strong feelings both ways in different parts of the text)
alter table feedback add column sentiment_label text;
-- The sentiment of each part of a text of several parts: {"parts": [{"start": 0, "end": 42, "sentiment": 0.81}, ...]}
alter table feedback add column sentiment_parts jsonb;
-- The model's vector of the text (all-MiniLM-L6-v2, 384 dimensions, normalised); the problem vector derives from it.
-- 1.5 KB, kept out of the row (uncompressed: floats do not compress), so that lists and counts read small rows.
alter table feedback add column embedding real[];
alter table feedback alter column embedding set storage external;
alter table feedback set (toast_tuple_target = 512);
-- The submission's trace context, continued by the feedback.received that the analysis writes later.
alter table feedback add column traceparent text;

-- Items stored before the model were announced with the first answer: they count as analysed, and the
-- re-analysis below reads them with the model (feedback.updated tells the other services what changed).
update feedback set analysed_at = updated_at;
create index feedback_analysis_pending on feedback (created_at) where analysed_at is null;

-- A topic is defined by meaning: what it covers and a few sentences typical of it; keywords stay the fallback.
alter table topic add column description text check (char_length(description) <= 500);
alter table topic add column examples text[] not null default '{}';

-- Re-reading stored feedback after the taxonomy or the model changed, in the background, one job at a time.
create table reanalysis (
    id               uuid primary key,
    reason           text        not null,
    requested_by     text        not null,
    requested_at     timestamptz not null,
    -- items created up to this moment are re-read (later ones are read with the new taxonomy anyway)
    up_to            timestamptz not null,
    total            bigint      not null,
    done             bigint      not null default 0,
    changed          bigint      not null default 0,
    -- keyset position of the last item read
    after_created_at timestamptz,
    after_id         uuid,
    started_at       timestamptz,
    finished_at      timestamptz,
    -- the replica that works on it, and until when it holds it
    holder           uuid,
    lease_until      timestamptz
);
create index reanalysis_unfinished on reanalysis (requested_at) where finished_at is null;

insert into reanalysis (id, reason, requested_by, requested_at, up_to, total)
select gen_random_uuid(), 'the sentence model reads the feedback stored before it', 'system', now(), now(), count(*)
from feedback having count(*) > 0;

-- The seeded topics' descriptions and examples (the labelled set bench/understanding/data/topic-examples.tsv).
update topic set description = seed.description, examples = seed.examples from (values
    ('billing',
     'Money matters: charges, invoices and receipts, refunds, prices, subscriptions and renewals, payment methods, vouchers, discounts, gift cards, loyalty points'' value, tax and currency.',
     array['I was charged the wrong amount.',
           'My refund hasn''t come through yet.',
           'Please send me an invoice for my order.',
           'My subscription renewed at a higher price.',
           'I can''t pay with my credit card.',
           'The discount code didn''t work.',
           'I want to cancel my subscription and stop the payments.',
           'Why is there an extra fee on my bill?',
           'My card was debited twice.',
           'Can I get a refund instead of an exchange?',
           'My invoice doesn''t show the VAT separately.',
           'Your prices have crept up a lot this year.',
           'Please turn off auto-renewal on my subscription.',
           'How much does it cost to end my contract early?',
           'Got an email saying my monthly payment failed, what should I do?',
           'Can I pay for my membership by direct debit instead of card?',
           'My voucher expired before I had a chance to use it.',
           'How do I check how much is left on a gift card?',
           'How much are my reward points worth in money?',
           'Which currency will I be billed in if I order from abroad?',
           'Nice to get a discount on my renewal for being a long-time member.',
           'There''s a charge from you on my account that I don''t recognise.',
           'The monthly fee is getting hard to justify.',
           'overcharged on my last order, please fix',
           'Is it cheaper if I pay for the whole year upfront?',
           'I never received a receipt after paying.',
           'I want to dispute a charge on my bill.',
           'Can I use a gift card to pay for my subscription?',
           'Paying with PayPal was quick and easy, thank you.',
           'The tax on my order looks wrong.']),
    ('delivery',
     'Shipping and delivery of orders: couriers, parcels, delays, lost or wrong items, damage in transit, delivery addresses and slots, tracking, pickup points and returns shipping.',
     array['My parcel is late.',
           'The courier left my package in the wrong place.',
           'My order arrived damaged.',
           'The tracking number doesn''t work.',
           'I need to update the shipping address.',
           'The delivery driver didn''t ring the bell.',
           'My order has not been shipped yet.',
           'When will my package arrive?',
           'I think my parcel has been lost in the post.',
           'You sent me a completely different product from the one I ordered.',
           'Is the rest of my order coming in a separate parcel?',
           'Could I rearrange my delivery for a day when I''m at home?',
           'I missed the delivery, how do I get it redelivered?',
           'How long will the pickup point hold my parcel before it goes back?',
           'Who pays the postage when I send something back?',
           'Can a courier collect my return from my house?',
           'Items were rattling around loose in the box with no padding.',
           'Big thanks to the driver who found our tricky address.',
           'I gave the correct address, but it was delivered somewhere else.',
           'Please ask the courier to phone me when he''s outside.',
           'Where do I find the tracking link for my order?',
           'order never arrived. what now?',
           'The package had the wrong color sweater in it.',
           'Will my order make it before the weekend?',
           'I never got a message saying my order was on its way.',
           'The parcel was too big for my letterbox so it went back to the depot.',
           'Can I upgrade to faster shipping after ordering?',
           'courier no-show again, second day running',
           'The delivery estimate at checkout was way off.',
           'The delivery was spot on this time, thank you.']),
    ('product',
     'Our app, our website and the goods we sell: quality, defects, sizing, descriptions, features, performance, usability, bugs and updates.',
     array['The app keeps crashing.',
           'The website is very slow.',
           'The product broke after a few days.',
           'Please add a new feature to the app.',
           'The item is of poor quality.',
           'There is a bug on the checkout page.',
           'The product doesn''t match the description.',
           'I can''t find the search filters on the website.',
           'Your medium fits more like a small.',
           'The website layout breaks on my phone.',
           'Push notifications stopped working on my phone.',
           'Search results are full of things that have nothing to do with what I typed.',
           'The Place order button doesn''t respond when I tap it.',
           'What changed in the latest app update?',
           'There''s a fault with the item, it won''t switch on.',
           'Product pages are missing basic details like measurements.',
           'Navigating the app is clunky.',
           'Please add a way to save my sizes so I don''t have to pick them every time.',
           'The boots are comfortable and well made, very pleased.',
           'I keep getting an error message on your website.',
           'the app freezes on my android phone all the time',
           'It would be nice to customize what shows on the app''s home screen.',
           'The fabric went bobbly almost straight away.',
           'Is the table top real wood or veneer?',
           'Since the update, some buttons in the app have disappeared.',
           'The finish scratches far too easily.',
           'Do these jeans come up true to size?',
           'Nice job on the new product pages, much clearer.',
           'Removing things from the basket is fiddly on mobile.',
           'It stopped working just after the warranty ran out.']),
    ('support',
     'Customer service: agents, live chat and chatbots, phone and email contact, waiting times, tickets, call-backs, complaints and how requests were handled.',
     array['I waited too long on the phone.',
           'Nobody answered my email.',
           'The agent was very helpful.',
           'The chat agent was rude.',
           'My ticket is still open after two weeks.',
           'I can''t reach customer service.',
           'Support gave me the wrong information.',
           'I had to explain my problem several times.',
           'Customer service keeps promising my refund is on its way, but nobody actually does anything.',
           'When I called about my late order, the agent just told me to keep waiting.',
           'The chatbot couldn''t handle a simple question about my order.',
           'My case keeps getting closed while the problem is still there.',
           'I''d rather you rang me back than left me on hold for ages.',
           'How can I escalate my complaint to someone more senior?',
           'Every department I speak to says it''s someone else''s problem.',
           'The agent promised to sort it by Friday and nothing happened.',
           'The adviser was short with me and clearly wanted to get rid of me.',
           'Your support team sorted my refund without any fuss, thank you.',
           'Live chat says I''m 30th in the queue.',
           'Your helpline isn''t open late enough for people who work full time.',
           'Please reply to my email from last week about my order.',
           'Customer service told me my refund was processed, which turned out to be untrue.',
           'Support hasn''t done anything about my damaged order except apologise.',
           'Can I speak to the same agent I dealt with yesterday?',
           'still waiting for someone from your team to get back to me',
           'Customer service never updated me on my return.',
           'The customer service rep was really polite and knew her stuff.',
           'I was kept on hold and then told to call a different number.',
           'Your support emails come from an address I can''t reply to.',
           'Your team dealt with my complaint about the courier really badly.']),
    ('account',
     'Customer accounts: login, passwords, two-factor authentication, registration, profile details, saved addresses and cards, personal data, locked or closed accounts.',
     array['I can''t log in to my account.',
           'I forgot my password.',
           'I don''t receive the verification code.',
           'How do I delete my account?',
           'My account has been locked.',
           'I want to change my email address.',
           'I can''t create an account.',
           'Please update my personal details.',
           'The reset password page just reloads without doing anything.',
           'The login code expires before I can type it in.',
           'The sign-up form won''t let me get past the first step.',
           'I have a new mobile number, where do I change it in my profile?',
           'Changes to my profile disappear after I log out.',
           'The zip code on my saved address is wrong and won''t update.',
           'Can I save more than one card to my account?',
           'I want you to correct the information you hold about me.',
           'Who can see the details on my profile?',
           'The rewards page in my account shows the wrong points total.',
           'Can I connect my Facebook login to the account I already have?',
           'The settings menu in my account is a mess, nothing is where you''d expect.',
           'keeps saying incorrect password but it''s definitely right',
           'How do I see which devices are signed in to my account?',
           'Love that I can manage all my details in one place.',
           'I asked for my account to be deleted and I''m still getting emails.',
           'I never got the email to activate my new account.',
           'Can I log in with my fingerprint on the app?',
           'My email address has a typo in it so I''m not getting anything from you.',
           'Can I turn my guest checkout into a full account?',
           'Can I put my account on hold instead of closing it?',
           'I get an error when I try to save my account settings.'])
) as seed(name, description, examples) where topic.name = seed.name;

-- The fallback topic has a definition too, so that feedback about none of the others is recognised by meaning
-- (bench/understanding/data/general-examples.tsv); it has no keywords and cannot be removed.
insert into topic (name, keywords, position) values ('general', '{}', 1000);
update topic set description = seed.description, examples = seed.examples from (values
    ('general',
     'Feedback on none of the other topics: the company or brand as a whole, values and sustainability, shops and opening hours, partnerships, advertising, general ideas and vague remarks.',
     array['Really proud to shop with a company that genuinely cares about its community.',
           'Are your stores open late in the run-up to Christmas?',
           'Could the high street shop open a bit earlier for commuters?',
           'Your latest billboard campaign is clever, it made me smile.',
           'That jingle from your radio ad has been stuck in my head all week.',
           'That last advert of yours missed the mark and came across as tone-deaf.',
           'Enough with the celebrity endorsements, just be yourselves.',
           'Are you a certified B Corp, or working towards it?',
           'Putting solar panels on your shop roofs would be a great step.',
           'Do you pay your own staff the real living wage?',
           'The collaboration with that local artist was a lovely idea.',
           'You should team up with more small independent makers.',
           'Do you have any links with universities or research projects?',
           'Sad to see the tie-up with the animal shelter has ended.',
           'no idea really, just ticking the box',
           'all good from my side, cheers',
           'test message, please ignore',
           'I have mixed feelings about you lately, hard to say why.',
           'The new slogan doesn''t really say anything about who you are.',
           'love the vibe of the brand tbh',
           'What''s the story behind the company name?',
           'Which country is your company actually based in?',
           'The store was untidy and half the lights were off.',
           'The queue at the tills on Saturday was out the door.',
           'Could your bigger stores have a quiet hour for autistic shoppers?',
           'I''d love to see a café in one of your stores.',
           'You should run workshops or events for the local community.',
           'Congrats on the award, well deserved!',
           'Saw you in the news over the factory scandal, very disappointing.',
           'I think you''re trying to do too many things at once these days.'])
) as seed(name, description, examples) where topic.name = seed.name;
