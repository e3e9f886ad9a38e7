"""Demo content for the Riverside Bone & Joint Clinic site.

Plain data, read by the ``seed_demo`` management command: the clinicians who write
and review articles, the two offices, and a set of patient-education articles. The
people, addresses and phone numbers are fictional (555-01xx numbers are reserved for
fiction). Article bodies use only the tags the article editor allows.

Dates are relative to the day the command runs: ``published_days_ago`` is negative
for the scheduled article, and ``reviewed_days_ago`` is set only when an article has a
medical reviewer.
"""

AUTHORS = [  # two physicians who take appointments, one physical therapist
    {
        "slug": "nora-castellan",
        "name": "Nora Castellan",
        "credentials": "MD, FAAOS",
        "role": "Orthopedic surgeon, sports medicine and knee",
        "bio": (
            "Dr. Nora Castellan is a board-certified orthopedic surgeon who focuses on "
            "sports injuries, knee problems and joint replacement. She cares for "
            "athletes of every age as well as adults whose arthritis has started to "
            "crowd out the things they enjoy. She believes most patients deserve a "
            "thorough trial of nonsurgical care before an operation is discussed."
        ),
        "takes_appointments": True,
    },
    {
        "slug": "julian-okafor",
        "name": "Julian Okafor",
        "credentials": "MD",
        "role": "Physiatrist, spine and nerve care",
        "bio": (
            "Dr. Julian Okafor is a physiatrist, a physician trained in physical "
            "medicine and rehabilitation. He sees patients with back and neck pain, "
            "sciatica, arthritis and nerve problems of the arms and legs. His "
            "treatment plans lean on exercise and clear explanations, with medication, "
            "nerve testing and guided injections when they are needed."
        ),
        "takes_appointments": True,
    },
    {
        "slug": "maya-lindgren",
        "name": "Maya Lindgren",
        "credentials": "PT, DPT",
        "role": "Physical therapist, orthopedic rehabilitation",
        "bio": (
            "Maya Lindgren is a doctor of physical therapy who helps patients recover "
            "from sprains, overuse injuries and joint replacement surgery. She builds "
            "home exercise programs that fit into busy days and measures progress by "
            "what patients can get back to, from gardening to weekend races."
        ),
        "takes_appointments": False,
    },
]

LOCATIONS = [  # fictional addresses; 555-01xx numbers are reserved
    {
        "name": "Riverside Bone & Joint: Cambridge",
        "street_address": "88 Millbrook Avenue, Suite 210",
        "city": "Cambridge",
        "region": "MA",
        "postal_code": "02139",
        "phone": "(617) 555-0110",
        "hours": "Mon–Fri 8:00 am – 5:00 pm\nSat 9:00 am – 12:00 pm",
        "position": 0,
    },
    {
        "name": "Riverside Bone & Joint: Waltham",
        "street_address": "400 Lantern Mill Road, Building B",
        "city": "Waltham",
        "region": "MA",
        "postal_code": "02451",
        "phone": "(781) 555-0142",
        "hours": "Mon–Thu 7:30 am – 6:00 pm\nFri 7:30 am – 4:00 pm",
        "position": 1,
    },
]

ARTICLES = [  # patient education and clinic news
    {
        "slug": "knee-pain-on-stairs",
        "title": "Why Do My Knees Hurt on the Stairs?",
        "summary": (
            "Stairs ask more of your knees than walking on flat ground. Here is why "
            "that can hurt, what usually causes it, and simple ways to make climbing "
            "and coming down easier."
        ),
        "body": (
            "<p>Plenty of people first notice their knees on a staircase. Walking "
            "across a room feels fine, but the climb to a second-floor office, or the "
            "trip back down, brings an ache around or behind the kneecap. That pattern "
            "is common, and it usually has an understandable cause.</p>"
            "<h2>Why stairs are harder on knees</h2>"
            "<p>Each step up asks the thigh muscles to lift your whole body on a bent "
            "knee. Going down is often worse: the same muscles work as brakes while "
            "they lengthen, and the kneecap presses firmly into its groove on the "
            "thighbone. The load behind the kneecap on stairs can be several times "
            "your body weight, so tissue that is already irritated tends to "
            "complain.</p>"
            "<h2>Common causes</h2>"
            "<ul><li><strong>Patellofemoral pain.</strong> Irritation where the "
            "kneecap glides over the thighbone. It is frequent in runners, teenagers "
            "and anyone who has recently stepped up their activity.</li>"
            "<li><strong>Knee osteoarthritis.</strong> Thinning of the cartilage that "
            "cushions the joint, more common after middle age and often paired with "
            "stiffness after sitting.</li>"
            "<li><strong>Tendon irritation.</strong> The tendons just above or below "
            "the kneecap can get sore with repeated jumping or climbing.</li>"
            "<li><strong>Weak hip and thigh muscles,</strong> which let the knee drift "
            "inward and load the kneecap unevenly.</li></ul>"
            "<h2>What often helps</h2>"
            "<p>For many people, steady strengthening makes the biggest difference. "
            "Exercises for the quadriceps and for the muscles on the outside of the "
            "hip can improve how the kneecap tracks. A physical therapist can pick "
            "moves that build strength without setting off a flare.</p>"
            "<p>In the meantime, a few habits can take the edge off:</p>"
            "<ol><li>Use the handrail, and take one step at a time on sore days.</li>"
            "<li>Lead with the stronger leg going up and the sorer leg going down.</li>"
            "<li>Wear supportive shoes rather than socks or slippers on the "
            "stairs.</li>"
            "<li>Spread stair-heavy chores across the day instead of doing them all at "
            "once.</li></ol>"
            "<blockquote><p>Stair pain is a cue to build strength gradually, not a "
            "reason to stop moving. Most of my patients feel better when they stay "
            "active within comfortable limits. <em>Dr. Nora "
            "Castellan</em></p></blockquote>"
            "<p>If advanced arthritis is part of the picture and you are weighing "
            "surgery, our guide to "
            '<a href="/blog/preparing-for-joint-replacement/">getting ready for '
            "joint replacement</a> covers the practical side.</p>"
            "<h2>When to get it checked</h2>"
            "<p>Have a clinician examine the knee if stair pain lasts more than a few "
            "weeks, keeps you from everyday tasks, or comes with swelling, catching or "
            "a feeling that the knee gives way. A knee that turns hot, red and "
            "swollen, especially with a fever, or one you cannot stand on after a "
            "fall, should be seen the same day.</p>"
        ),
        "author": "nora-castellan",
        "reviewer": "julian-okafor",
        "reviewed_days_ago": 35,
        "categories": ["blog", "featured"],
        "tags": ["knee", "arthritis", "exercise", "pain relief", "kneecap"],
        "published_days_ago": 210,
        "status": "published",
        "image_colors": ("#0b5563", "#9fd3c7"),
        "image_alt": (
            "Abstract illustration in teal and mint tones with soft rounded shapes "
            "suggesting a bent knee on a step"
        ),
    },
    {
        "slug": "acl-tear-what-to-expect",
        "title": "Torn ACL: What to Expect in the First Weeks and Beyond",
        "summary": (
            "A torn anterior cruciate ligament is one of the best-known sports "
            "injuries. Learn how it is diagnosed, why early rehab matters, and how "
            "patients and surgeons decide about surgery."
        ),
        "body": (
            "<p>The anterior cruciate ligament, or ACL, is one of four main ligaments "
            "that hold the knee together. It crosses through the middle of the joint "
            "and keeps the shinbone from sliding forward or twisting too far beneath "
            "the thighbone. It is most often injured in sports with sudden stops, "
            "pivots or awkward landings, such as soccer, basketball and skiing.</p>"
            "<h2>Signs of a possible tear</h2>"
            "<ul><li>A pop felt or heard at the moment of injury</li>"
            "<li>Swelling that builds over the next several hours</li>"
            "<li>Trouble continuing to play</li>"
            "<li>A sense that the knee shifts or buckles when you turn</li></ul>"
            "<p>Not every tear is dramatic. Some people walk off the field and only "
            "notice the instability days later.</p>"
            "<h2>How it is diagnosed</h2>"
            "<p>A clinician will examine the knee and gently test how far the shinbone "
            "moves compared with the other side. X-rays rule out a fracture, and an "
            "MRI can confirm the tear and show whether the meniscus or other ligaments "
            "were hurt too. These injuries often travel together.</p>"
            "<h2>Surgery or rehabilitation?</h2>"
            "<p>There is no single right answer. Reconstruction, which replaces the "
            "torn ligament with a graft, is commonly recommended for young, active "
            "people who want to return to cutting and pivoting sports, or when the "
            "knee keeps giving way. Some adults with less demanding activities do well "
            "with a structured rehabilitation program alone. The choice depends on "
            "your age, goals, other injuries and how the knee behaves over time.</p>"
            "<h3>Why rehab starts before surgery</h3>"
            "<p>Whichever path you take, the first goals are the same: calm the "
            "swelling, get the knee fully straight again and wake up the thigh "
            "muscles. People who reach surgery with good motion and strength tend to "
            "have a smoother recovery afterward.</p>"
            "<h2>How long recovery takes</h2>"
            "<p>Recovery after reconstruction is measured in months, not weeks. Many "
            "athletes need nine months or more before a safe return to full sport, and "
            "that decision is guided by strength and movement testing rather than the "
            "calendar alone. <em>Rushing back raises the risk of a second injury</em>, "
            "to the same knee or the other one.</p>"
            "<p>Kneecap soreness can also linger during rehab; our article on "
            '<a href="/blog/knee-pain-on-stairs/">knee pain on the stairs</a> '
            "explains why.</p>"
            "<p>If you twisted a knee and it swelled quickly, arrange an exam within a "
            "week or so, even if you can walk on it. Go to an emergency department "
            "right away if the knee looks deformed, your foot turns cold or numb, or "
            "you cannot bear any weight.</p>"
        ),
        "author": "nora-castellan",
        "reviewer": "julian-okafor",
        "reviewed_days_ago": 405,
        "categories": ["blog", "featured"],
        "tags": ["knee", "acl", "sports injuries", "surgery"],
        "published_days_ago": 390,
        "status": "published",
        "image_colors": ("#1d3557", "#a8dadc"),
        "image_alt": (
            "Abstract illustration in navy and pale blue with crossing bands that hint "
            "at the ligaments inside a knee"
        ),
    },
    {
        "slug": "hip-arthritis-everyday-steps",
        "title": "Hip Arthritis: Everyday Steps That Can Ease the Ache",
        "summary": (
            "Osteoarthritis of the hip often shows up as groin pain and stiffness. "
            "Regular movement, weight management and a few tools at home help many "
            "people stay active."
        ),
        "body": (
            "<p>Hip osteoarthritis develops when the smooth cartilage that covers the "
            "ball and socket slowly wears thin. The joint surfaces then glide less "
            "easily, and the hip can become stiff and sore. It tends to appear after "
            "age 50, although an old injury or the natural shape of a hip can bring it "
            "on sooner.</p>"
            "<h2>How it tends to feel</h2>"
            "<p>Pain from hip arthritis is often felt in the groin or the front of the "
            "thigh, rather than on the side of the hip or in the buttock. People "
            "commonly describe:</p>"
            "<ul><li>Stiffness when getting up in the morning or after sitting</li>"
            "<li>Trouble putting on socks and shoes, or getting in and out of a "
            "car</li>"
            "<li>An ache after walking that eases with rest, at least early on</li>"
            "<li>A limp on bad days</li></ul>"
            "<h2>What you can do now</h2>"
            "<p><strong>Keep moving.</strong> It may sound backward, but regular "
            "activity is one of the most effective treatments. Walking, a stationary "
            "bike and exercise in a pool let the joint move without heavy pounding, "
            "and stronger muscles around the hip help support it.</p>"
            "<p><strong>Manage weight if you can.</strong> Body weight is multiplied "
            "into extra force across the hip with every step, so even a modest loss "
            "can ease symptoms.</p>"
            "<p><strong>Use tools.</strong> A cane held in the hand opposite the sore "
            "hip takes real pressure off the joint. A long-handled shoehorn and a sock "
            "aid make mornings easier.</p>"
            "<p><strong>Ask about medicine.</strong> Over-the-counter pain relievers "
            "help some people, but they carry risks for the stomach, kidneys and "
            "heart. Your clinician can help you choose what, if anything, is safe for "
            "you.</p>"
            "<h2>When surgery enters the conversation</h2>"
            "<p>An injection can bring temporary relief for some patients. When pain "
            "disturbs sleep or limits daily life despite these measures, hip "
            "replacement is a well-established option with a long track record. Our "
            'guide to <a href="/blog/preparing-for-joint-replacement/">getting ready '
            "for joint replacement</a> explains what the planning looks like.</p>"
            "<p>It is worth seeing a clinician when hip or groin pain lasts more than "
            "a few weeks or starts to change the way you walk. Being unable to stand "
            "after a fall, or a hot, painful joint with a fever, calls for emergency "
            "care.</p>"
        ),
        "author": "julian-okafor",
        "reviewer": "nora-castellan",
        "reviewed_days_ago": 60,
        "categories": ["blog"],
        "tags": ["hip", "arthritis", "exercise", "pain relief"],
        "published_days_ago": 150,
        "status": "published",
        "image_colors": ("#6d597a", "#e5d4c0"),
        "image_alt": (
            "Abstract illustration in plum and sand tones with a rounded shape resting "
            "in a curved hollow, like a ball-and-socket joint"
        ),
    },
    {
        "slug": "desk-job-lower-back-pain",
        "title": "Lower Back Pain at a Desk Job: Small Changes That Add Up",
        "summary": (
            "Long hours in a chair can leave your lower back stiff and sore. A "
            "physical therapist explains how to set up your workspace and build "
            "movement into the workday."
        ),
        "body": (
            "<p>Sitting is not harmful in itself, but sitting still for hours is often "
            "uncomfortable. Muscles that hold one position for a long time get tired "
            "and stiff, and many people feel it most in the lower back at the end of a "
            "long day or after a run of meetings.</p>"
            "<h2>There is no perfect posture</h2>"
            "<p>You may have been told to sit bolt upright at all times. Research does "
            "not point to a single correct way to sit. A better rule of thumb: "
            "<em>your best posture is your next one.</em> Changing position often "
            "matters more than finding an ideal position and holding it.</p>"
            "<h2>Set up your workspace</h2>"
            "<ul><li>Adjust the chair so your feet rest flat on the floor or a "
            "footrest, with your knees roughly level with your hips.</li>"
            "<li>Use the backrest. A small cushion or rolled towel at the curve of the "
            "lower back can feel supportive.</li>"
            "<li>Place the top of the screen near eye level and about an arm's length "
            "away.</li>"
            "<li>Keep the keyboard and mouse close so you are not reaching forward all "
            "day.</li>"
            "<li>If you work on a laptop for long stretches, add a separate keyboard "
            "and raise the screen.</li></ul>"
            "<h2>Build movement into the day</h2>"
            "<p>Aim to stand up or shift position every 30 to 45 minutes. A quiet "
            "reminder on your phone or computer helps. A few easy ideas:</p>"
            "<ol><li>Take phone calls standing or walking.</li>"
            "<li>Refill your water glass at a farther spot.</li>"
            "<li>Stand and lean gently backward a few times, hands on your hips.</li>"
            "<li>Walk for ten minutes at lunch.</li></ol>"
            "<h3>Exercise outside work hours</h3>"
            "<p>General activity such as walking, swimming or cycling, along with "
            "exercises that strengthen the hips and trunk, makes the back more "
            "resilient. Bridges, gentle pelvic tilts and side-lying leg lifts are good "
            "places to start. If pain travels down one leg, read about "
            '<a href="/blog/sciatica-shooting-leg-pain/">sciatica and leg '
            "pain</a>.</p>"
            "<p>Most desk-related back pain settles within days to a few weeks. Check "
            "in with a clinician if it lasts longer, keeps coming back, or wakes you "
            "at night. Get emergency help for back pain with new numbness in the groin "
            "or inner thighs, trouble controlling your bladder or bowels, or weakness "
            "in your legs.</p>"
        ),
        "author": "maya-lindgren",
        "reviewer": None,
        "reviewed_days_ago": None,
        "categories": ["blog", "featured"],
        "tags": ["back pain", "posture", "exercise", "workplace"],
        "published_days_ago": 330,
        "status": "published",
        "image_colors": ("#264653", "#e9c46a"),
        "image_alt": (
            "Abstract illustration in deep slate and warm yellow with a gently curved "
            "line suggesting a spine beside a desk"
        ),
    },
    {
        "slug": "sciatica-shooting-leg-pain",
        "title": "Sciatica: Understanding Pain That Travels Down the Leg",
        "summary": (
            "Sciatica describes a set of symptoms rather than a single diagnosis. "
            "Learn what irritates the sciatic nerve, why most cases improve with time, "
            "and which warning signs need urgent care."
        ),
        "body": (
            "<p>The sciatic nerve is the longest nerve in the body. It forms from "
            "nerve roots in the lower spine and runs through the buttock and down the "
            "back of each leg. When one of those roots is squeezed or inflamed, pain "
            "can shoot from the lower back or buttock into the leg, sometimes all the "
            "way to the foot. That pattern is what people call sciatica.</p>"
            "<h2>Common causes</h2>"
            "<ul><li><strong>A herniated or bulging disc</strong> pressing on a nerve "
            "root, the most frequent cause in adults under 60</li>"
            "<li><strong>Spinal stenosis,</strong> a narrowing of the spaces the "
            "nerves pass through, more common later in life</li>"
            "<li><strong>A slipped vertebra</strong> that crowds the nerve</li></ul>"
            "<p>Sciatic pain often feels sharp, burning or electric. It may come with "
            "tingling, numbness or a heavy, weak feeling in the leg, and coughing, "
            "sneezing or long periods of sitting can make it worse.</p>"
            "<h2>The encouraging part</h2>"
            "<p>Most episodes improve a great deal within several weeks without "
            "surgery. Part of a herniated disc can shrink on its own over time, and "
            "the irritation around the nerve often settles.</p>"
            "<h2>What helps during recovery</h2>"
            "<ol><li><strong>Stay as active as you comfortably can.</strong> Short, "
            "frequent walks usually beat bed rest, which can slow recovery.</li>"
            "<li><strong>Change positions often.</strong> Many people find walking, or "
            "lying with a pillow under the knees, easier than sitting.</li>"
            "<li><strong>Try heat or cold</strong> for short periods to ease muscle "
            "guarding.</li>"
            "<li><strong>Work with a physical therapist</strong> on movements that "
            "calm the leg pain and build trunk strength.</li>"
            "<li><strong>Ask about medication.</strong> A clinician can advise which "
            "pain relievers are safe for you.</li></ol>"
            "<p>When symptoms drag on, options may include an epidural steroid "
            "injection or, for some people with lasting pain or weakness, surgery to "
            "take pressure off the nerve. "
            '<a href="https://medlineplus.gov/">MedlinePlus</a>, from the National '
            "Library of Medicine, is a reliable place to read more.</p>"
            "<h2>Warning signs</h2>"
            "<p>Call 911 or go to an emergency department if leg pain comes with loss "
            "of bladder or bowel control, numbness in the groin and inner thighs, or "
            "weakness that is quickly getting worse. These can signal severe nerve "
            "compression that needs treatment right away.</p>"
            "<p>Short of those emergencies, arrange an evaluation if the leg pain is "
            "severe, lasts longer than four to six weeks, or you notice your foot "
            "catching or slapping as you walk.</p>"
        ),
        "author": "julian-okafor",
        "reviewer": None,
        "reviewed_days_ago": None,
        "categories": ["blog"],
        "tags": ["back pain", "sciatica", "nerve pain", "pain relief"],
        "published_days_ago": 268,
        "status": "published",
        "image_colors": ("#3d405b", "#f2cc8f"),
        "image_alt": (
            "Abstract illustration in indigo and amber with a long wavy line running "
            "from top to bottom, suggesting a nerve path down a leg"
        ),
    },
    {
        "slug": "rotator-cuff-shoulder-pain",
        "title": "Shoulder Pain When You Reach Overhead: Is It the Rotator Cuff?",
        "summary": (
            "The rotator cuff keeps the shoulder steady as you lift and reach. Here is "
            "how cuff irritation and tears usually feel, how they are diagnosed and "
            "how they are treated."
        ),
        "body": (
            "<p>The rotator cuff is a group of four muscles and their tendons that "
            "wrap around the top of the upper arm bone. Together they keep the ball of "
            "the shoulder centered in its shallow socket while larger muscles move the "
            "arm. Because the shoulder moves so freely, these tendons work hard, and "
            "they are a common source of pain, especially after age 40.</p>"
            "<h2>Irritation or tear?</h2>"
            "<p>Many people have <strong>rotator cuff tendinopathy</strong>, an "
            "overloaded, irritated tendon that has not torn. Others have a "
            "<strong>partial or full-thickness tear</strong>. Some tears follow a fall "
            "or a sudden pull, while many develop slowly with age and may cause few "
            "symptoms at all.</p>"
            "<h3>Typical symptoms</h3>"
            "<ul><li>A dull ache on the outside of the upper arm</li>"
            "<li>Pain when lifting the arm out to the side or reaching overhead</li>"
            "<li>Trouble sleeping on the affected side</li>"
            "<li>Weakness, particularly after an injury</li></ul>"
            "<h2>Diagnosis</h2>"
            "<p>A clinician will check your range of motion and test the strength of "
            "each cuff muscle. Ultrasound or MRI may be used when a tear is suspected "
            "or when symptoms do not improve with treatment.</p>"
            "<h2>Treatment</h2>"
            "<p>For most people with tendinopathy, and for many with age-related "
            "tears, a guided exercise program comes first. Strengthening the cuff and "
            "the muscles around the shoulder blade often reduces pain and restores "
            "function over several weeks to a few months. Cutting back on repeated "
            "overhead work, and using a step stool instead of stretching for high "
            "shelves, helps too.</p>"
            "<p>A steroid injection may ease pain enough to allow exercise, though "
            "repeated injections are generally limited. Surgical repair is more often "
            "considered for sudden, significant tears in active people, or when pain "
            "and weakness persist despite a solid rehabilitation effort.</p>"
            "<p>See a clinician if shoulder pain lasts more than a couple of weeks, "
            "keeps you up at night, or you cannot raise your arm after a fall. "
            "Shoulder or arm pain together with chest pressure, shortness of breath or "
            "sweating may be a heart problem: call 911.</p>"
        ),
        "author": "nora-castellan",
        "reviewer": "julian-okafor",
        "reviewed_days_ago": 433,
        "categories": ["blog"],
        "tags": ["shoulder", "rotator cuff", "physical therapy", "sports injuries"],
        "published_days_ago": 376,
        "status": "published",
        "image_colors": ("#005f73", "#ee9b00"),
        "image_alt": (
            "Abstract illustration in dark teal and orange with overlapping arcs that "
            "suggest a shoulder joint in motion"
        ),
    },
    {
        "slug": "tennis-elbow-not-just-tennis",
        "title": "Tennis Elbow: Not Just for Tennis Players",
        "summary": (
            "Pain on the outside of the elbow usually comes from gripping and lifting, "
            "not racket sports. A physical therapist explains how to calm it down and "
            "build the tendon back up."
        ),
        "body": (
            "<p>Tennis elbow, known medically as lateral elbow tendinopathy or lateral "
            "epicondylitis, causes pain over the bony bump on the outside of the "
            "elbow. That bump is where tendons from the forearm muscles that lift the "
            "wrist and fingers attach. Despite the name, most people who get it do not "
            "play tennis. Carpentry, painting, gardening, long hours with a mouse and "
            "carrying heavy bags can all overload these tendons.</p>"
            "<h2>How it feels</h2>"
            "<ul><li>Pain on the outer elbow that may spread down the forearm</li>"
            "<li>Discomfort when gripping, shaking hands, turning a doorknob or "
            "lifting a full mug</li>"
            "<li>A weaker grip than usual</li></ul>"
            "<h2>Why it lingers</h2>"
            "<p>Tennis elbow is mainly a problem of overload. The tendon has been "
            "asked to do more than it was ready for, and it needs time and the right "
            "kind of loading to adapt. Symptoms often improve over several months, and "
            "many people recover within a year. A sensible plan can make that stretch "
            "far more comfortable.</p>"
            "<h2>What helps</h2>"
            "<ol><li><strong>Adjust the load.</strong> Lift with your palm facing up, "
            "use both hands, and choose tools with thicker handles.</li>"
            "<li><strong>Break up repetitive tasks</strong> with short pauses, and "
            "vary how you grip.</li>"
            "<li><strong>Strengthen gradually.</strong> Slow wrist exercises with a "
            "light weight, progressed over weeks, help the tendon tolerate more.</li>"
            "<li><strong>Consider a forearm strap.</strong> A band worn just below the "
            "elbow eases pain during activity for some people.</li></ol>"
            "<p>Mild soreness during exercise, around 3 on a scale of 10, is generally "
            "acceptable as long as it settles by the next morning. If a flare lasts "
            "longer, scale back a step and build up again.</p>"
            "<h3>What about injections?</h3>"
            "<p>Injections and other procedures exist for stubborn cases, but exercise "
            "and time remain the foundation of care. Steroid shots may bring "
            "short-term relief, but they do not appear to improve results over the "
            "long run. If you also notice numbness in your fingers, our article on "
            '<a href="/blog/carpal-tunnel-numb-hands/">carpal tunnel syndrome</a> '
            "may help explain it.</p>"
            "<p>Have a clinician take a look if elbow pain has not improved after six "
            "to eight weeks of sensible changes, if tingling or numbness spreads into "
            "the hand, or if the elbow is swollen, misshapen or very painful after a "
            "fall.</p>"
        ),
        "author": "maya-lindgren",
        "reviewer": "nora-castellan",
        "reviewed_days_ago": 90,
        "categories": ["blog"],
        "tags": [
            "elbow",
            "tennis elbow",
            "physical therapy",
            "overuse injuries",
            "workplace",
        ],
        "published_days_ago": 240,
        "status": "published",
        "image_colors": ("#2a9d8f", "#f4a261"),
        "image_alt": (
            "Abstract illustration in sea green and apricot with a bent, angular line "
            "suggesting a forearm and elbow"
        ),
    },
    {
        "slug": "carpal-tunnel-numb-hands",
        "title": "Carpal Tunnel Syndrome: Why Your Hands Go Numb at Night",
        "summary": (
            "Tingling in the thumb and first fingers, often worse at night, is a "
            "classic sign of carpal tunnel syndrome. Learn what causes it and which "
            "treatments can help."
        ),
        "body": (
            "<p>The carpal tunnel is a narrow passage at the base of the palm, formed "
            "by the small wrist bones and a tough band of tissue across the top. The "
            "median nerve runs through it, along with nine tendons that bend the "
            "fingers. When that space gets crowded, the nerve is squeezed and the hand "
            "starts to tingle.</p>"
            "<h2>Common symptoms</h2>"
            "<ul><li>Numbness or pins and needles in the thumb, index, middle and part "
            "of the ring finger</li>"
            "<li>Waking at night with a numb hand and needing to shake it out</li>"
            "<li>Dropping objects or fumbling with buttons</li>"
            "<li>In long-standing cases, weakness or thinning of the muscles at the "
            "base of the thumb</li></ul>"
            "<h2>Who gets it</h2>"
            "<p>Carpal tunnel syndrome is more common in women and during pregnancy, "
            "and in people with diabetes, an underactive thyroid or rheumatoid "
            "arthritis. Work that involves forceful, repetitive gripping or vibrating "
            "tools may contribute. Often there is no single clear cause.</p>"
            "<h2>How it is diagnosed</h2>"
            "<p>Your description of symptoms and an exam of hand sensation and "
            "strength tell a great deal. Nerve conduction studies, which measure how "
            "well signals travel along the nerve, can confirm the diagnosis and show "
            "how severe it is.</p>"
            "<h2>Treatment options</h2>"
            "<p><strong>Night splints</strong> that hold the wrist straight are a "
            "simple first step, since many people sleep with their wrists curled. "
            "Changing tasks to avoid long periods of bent wrists or hard gripping "
            "helps too. A steroid injection into the carpal tunnel can bring relief "
            "that sometimes lasts for months.</p>"
            "<p>When symptoms are severe or constant, or when the thumb muscles are "
            "weakening, a carpal tunnel release may be recommended. This outpatient "
            "procedure divides the band of tissue over the tunnel to give the nerve "
            "more room.</p>"
            "<p>Do not wait too long if numbness has become constant or your thumb is "
            "getting weaker, because prolonged pressure can leave lasting nerve "
            "damage. Sudden numbness or weakness on one side of the body, especially "
            "with a drooping face or trouble speaking, is a different matter: call "
            "911, since it may be a stroke.</p>"
        ),
        "author": "julian-okafor",
        "reviewer": None,
        "reviewed_days_ago": None,
        "categories": ["blog"],
        "tags": ["hand and wrist", "carpal tunnel", "nerve pain", "workplace"],
        "published_days_ago": 122,
        "status": "published",
        "image_colors": ("#4a4e69", "#c9ada7"),
        "image_alt": (
            "Abstract illustration in slate violet and dusty rose with a narrow arch "
            "over a thin thread, suggesting a nerve passing through the wrist"
        ),
    },
    {
        "slug": "ankle-sprain-first-days",
        "title": "Sprained Ankle: Care in the First Days and How to Avoid the Next One",
        "summary": (
            "Most ankle sprains heal well with early care and the right exercises. "
            "Here is what to do in the first few days, when an X-ray makes sense, and "
            "how balance training helps prevent repeat sprains."
        ),
        "body": (
            "<p>Ankle sprains happen when the foot rolls, usually inward, and the "
            "ligaments on the outside of the ankle stretch or tear. They are among the "
            "most common injuries in sports and everyday life. A missed curb, an "
            "uneven trail or a landing on someone else's foot is all it takes.</p>"
            "<h2>The first few days</h2>"
            "<ul><li><strong>Protect</strong> the ankle. Walk as comfort allows, with "
            "a brace or crutches if you need them.</li>"
            "<li><strong>Elevate</strong> the foot above the level of your heart when "
            "resting to limit swelling.</li>"
            "<li><strong>Cool</strong> it with ice wrapped in a thin cloth for about "
            "15 minutes at a time.</li>"
            "<li><strong>Compress</strong> with an elastic wrap that is snug but never "
            "tight enough to cause numbness or color change.</li></ul>"
            "<p>Gentle movement, such as tracing the alphabet in the air with your "
            "toes, can usually begin within a day or two. Ankles that start moving "
            "early tend to recover faster than ankles kept still for long periods.</p>"
            "<h2>Does it need an X-ray?</h2>"
            "<p>Not every sprain does. An X-ray is more likely to be needed if you "
            "could not take four steps on the foot, both right after the injury and "
            "when you are examined, or if there is tenderness right over the bony "
            "knobs on either side of the ankle or along the middle of the foot.</p>"
            "<h2>Rebuilding the ankle</h2>"
            "<p>After the first week or so, the focus shifts to motion, strength and "
            "balance. Standing on one foot, first on the floor and later on a folded "
            "towel or pillow, retrains the nerves and muscles that protect the joint. "
            "Heel raises and exercises with a resistance band rebuild strength.</p>"
            "<p><strong>Keep going after the swelling fades.</strong> Many people stop "
            "their exercises as soon as the ankle looks normal, but a few more weeks "
            "of balance work is one of the best ways to lower the chance of spraining "
            "the same ankle again.</p>"
            "<h3>Returning to sport</h3>"
            "<p>A mild sprain may allow a return in one to three weeks; a more severe "
            "one can take six weeks or longer. Being able to hop, jog and change "
            "direction without pain or wobbling is a good sign of readiness.</p>"
            "<p>Get care if you cannot walk on the foot, the pain is severe, or the "
            "ankle still feels loose after several weeks. Go to an emergency "
            "department for an ankle that is clearly out of shape, a foot that is cold "
            "or pale, or numbness below the injury.</p>"
        ),
        "author": "maya-lindgren",
        "reviewer": "nora-castellan",
        "reviewed_days_ago": 24,
        "categories": ["blog"],
        "tags": ["ankle", "sports injuries", "physical therapy", "exercise"],
        "published_days_ago": 58,
        "status": "published",
        "image_colors": ("#335c67", "#fff3b0"),
        "image_alt": (
            "Abstract illustration in blue-green and pale lemon with a tilted curve "
            "near the bottom edge, suggesting a rolled ankle"
        ),
    },
    {
        "slug": "plantar-fasciitis-heel-pain",
        "title": "Plantar Fasciitis: Relief for Heel Pain With Your First Steps",
        "summary": (
            "Sharp heel pain when you get out of bed is a hallmark of plantar "
            "fasciitis. Stretching, supportive shoes and patience help most people "
            "recover without surgery."
        ),
        "body": (
            "<p>The plantar fascia is a thick band of tissue along the sole of the "
            "foot, running from the heel bone to the base of the toes. It supports the "
            "arch and acts a little like a spring as you walk. When it is overloaded, "
            "the spot where it attaches to the heel becomes painful, a condition "
            "called plantar fasciitis.</p>"
            "<h2>Classic signs</h2>"
            "<p>The telltale symptom is a sharp or stabbing pain under the heel with "
            "the first steps in the morning, or when you stand after sitting for a "
            "while. It often eases after a few minutes of walking, then returns after "
            "long hours on your feet.</p>"
            "<h2>Who is at risk</h2>"
            "<ul><li>Runners who add mileage quickly</li>"
            "<li>People who stand for long shifts on hard floors</li>"
            "<li>Anyone with tight calf muscles, or with very flat or very high "
            "arches</li>"
            "<li>People carrying extra body weight</li></ul>"
            "<h2>What helps</h2>"
            "<ol><li><strong>Stretch the calf and the arch.</strong> Before getting "
            "out of bed, loop a towel around the ball of your foot and gently pull "
            "your toes toward your shin for 30 seconds, a few times. Wall calf "
            "stretches during the day help too.</li>"
            "<li><strong>Wear supportive shoes</strong> with a cushioned heel, "
            "including at home. Walking barefoot on tile or hardwood often aggravates "
            "symptoms.</li>"
            "<li><strong>Roll the arch</strong> over a frozen water bottle for a few "
            "minutes to ease soreness.</li>"
            "<li><strong>Adjust training.</strong> Runners may need to trim distance "
            "and hills for a while rather than stop altogether.</li>"
            "<li><strong>Try heel cups or arch supports.</strong> Simple store-bought "
            "inserts help many people.</li></ol>"
            "<p>Recovery takes patience. Most people improve within several months, "
            "and only a small share ever need procedures or surgery. <em>Daily "
            "consistency with stretching matters more than how hard you push.</em></p>"
            "<h2>When it might be something else</h2>"
            "<p>Heel pain with numbness or burning, pain that is worse at night than "
            "in the morning, or swelling after a fall or a jump may point to a pinched "
            "nerve, a stress fracture or another condition.</p>"
            "<p>If heel pain has not eased after a few weeks of home care, or it is "
            "changing the way you walk, a clinician can confirm the diagnosis and "
            "suggest next steps. A heel that is red, hot and swollen deserves prompt "
            "attention.</p>"
        ),
        "author": "maya-lindgren",
        "reviewer": None,
        "reviewed_days_ago": None,
        "categories": ["blog"],
        "tags": ["foot", "plantar fasciitis", "running", "pain relief"],
        "published_days_ago": 77,
        "status": "published",
        "image_colors": ("#7f5539", "#ede0d4"),
        "image_alt": (
            "Abstract illustration in cocoa and cream tones with a long shallow arch, "
            "suggesting the sole of a foot"
        ),
    },
    {
        "slug": "osteoporosis-bone-density",
        "title": "Osteoporosis and Bone Density: What the Numbers Mean",
        "summary": (
            "Osteoporosis weakens bones quietly until one breaks. Learn who should "
            "consider a bone density test, what a T-score tells you, and everyday "
            "steps that protect your skeleton."
        ),
        "body": (
            "<p>Bone is living tissue that is constantly being broken down and "
            "rebuilt. From about age 30, most of us slowly lose a little more than we "
            "make. In osteoporosis, bones become thin and porous enough to break from "
            "a minor fall, a bump, or sometimes simply bending or lifting. Because it "
            "causes no symptoms on its own, many people learn they have it only after "
            "a fracture, most often of the hip, spine or wrist.</p>"
            "<h2>Who should be tested</h2>"
            "<p>In the United States, screening is generally recommended for women 65 "
            "and older, and for younger women past menopause who have risk factors. "
            "Advice for men is less settled, so it is worth raising with your "
            "clinician. Risk factors include:</p>"
            "<ul><li>A previous fracture from a minor fall as an adult</li>"
            "<li>A parent who broke a hip</li>"
            "<li>Low body weight</li>"
            "<li>Smoking, or drinking more than two alcoholic drinks a day</li>"
            "<li>Long-term use of steroid medicines</li>"
            "<li>Conditions such as rheumatoid arthritis or early menopause</li></ul>"
            "<h2>Understanding your results</h2>"
            "<p>The standard test is a DXA scan, a quick, painless, low-dose X-ray of "
            "the hip and spine. Results are reported as a <strong>T-score</strong>, "
            "which compares your bone density with that of a healthy young adult:</p>"
            "<ul><li>-1.0 and above: normal</li>"
            "<li>Between -1.0 and -2.5: low bone mass, sometimes called osteopenia</li>"
            "<li>-2.5 and below: osteoporosis</li></ul>"
            "<p>Your clinician will weigh the score together with your age and other "
            "risks to estimate your chance of a fracture and decide whether medication "
            "makes sense.</p>"
            "<h2>Protecting your bones</h2>"
            "<ol><li>Get enough calcium and vitamin D, ideally from food, with "
            "supplements if advised.</li>"
            "<li>Do weight-bearing exercise such as brisk walking, plus strength "
            "training at least two days a week.</li>"
            "<li>Practice balance, for example with tai chi, to cut the risk of "
            "falls.</li>"
            "<li>Make your home safer with good lighting, secured rugs and bathroom "
            "grab bars.</li>"
            "<li>Avoid smoking and keep alcohol modest.</li></ol>"
            "<p>For more background, the "
            '<a href="https://www.niams.nih.gov/">National Institute of Arthritis '
            "and Musculoskeletal and Skin Diseases</a> offers plain-language "
            "information.</p>"
            "<p>Ask about a bone density test if any of the risk factors above apply "
            "to you, and get checked after any fracture from a simple fall. Sudden, "
            "severe back pain in someone with known osteoporosis can mean a "
            "compression fracture of the spine and warrants a same-day call.</p>"
        ),
        "author": "julian-okafor",
        "reviewer": "nora-castellan",
        "reviewed_days_ago": 30,
        "categories": ["blog", "featured"],
        "tags": ["osteoporosis", "bone density", "exercise", "healthy aging"],
        "published_days_ago": 175,
        "status": "published",
        "image_colors": ("#52796f", "#cad2c5"),
        "image_alt": (
            "Abstract illustration in sage and pale gray with a lattice of soft "
            "circles, suggesting the honeycomb structure inside bone"
        ),
    },
    {
        "slug": "teen-running-injuries",
        "title": "Running Injuries in Teens: What Parents and Coaches Should Know",
        "summary": (
            "Growing bodies respond to training differently from adult ones. Learn "
            "about the overuse injuries most common in teenage runners and how to help "
            "young athletes stay healthy."
        ),
        "body": (
            "<p>Cross-country and track are great ways for teenagers to stay fit and "
            "make friends, but growing bodies handle training stress differently from "
            "adult ones. Bones lengthen quickly during growth spurts, muscles and "
            "tendons may lag behind for a while, and the growth areas near the ends of "
            "bones are more easily irritated.</p>"
            "<h2>Common injuries in young runners</h2>"
            "<ul><li><strong>Shin pain</strong> along the inner edge of the shinbone, "
            "often after a sudden jump in mileage</li>"
            "<li><strong>Stress fractures,</strong> tiny cracks in bone from repeated "
            "loading without enough recovery</li>"
            "<li><strong>Heel pain</strong> in younger teens, where the Achilles "
            "tendon pulls on the growth area of the heel bone</li>"
            "<li><strong>A sore bump below the kneecap,</strong> where the kneecap "
            "tendon attaches to the growth area at the top of the shin</li>"
            "<li><strong>Pain around the kneecap,</strong> common in runners of every "
            "age</li></ul>"
            "<h2>Warning signs not to ignore</h2>"
            "<p>Pain that is pinpoint over a bone, gets worse during each run, lingers "
            "at rest or at night, or causes a limp should be checked rather than run "
            "through.</p>"
            "<h3>Fuel, sleep and recovery</h3>"
            "<p>Young athletes who do not eat enough to match their training are at "
            "higher risk of stress fractures. In girls, periods that become irregular "
            "or stop can be a sign of too little energy for the workload, and that is "
            "worth discussing with a clinician. Sleep matters as well; most teens need "
            "eight to ten hours a night.</p>"
            "<h2>Keeping teen runners healthy</h2>"
            "<ol><li>Build mileage gradually, and plan lighter weeks.</li>"
            "<li>Include at least one full rest day each week.</li>"
            "<li>Mix in strength training and other sports instead of running all "
            "year.</li>"
            "<li>Replace shoes once the cushioning is worn down.</li>"
            "<li>Make it normal for athletes to mention pain early.</li></ol>"
            "<p>For more on soreness around the kneecap, see "
            '<a href="/blog/knee-pain-on-stairs/">why knees hurt on the '
            "stairs</a>.</p>"
            "<p>Bring your teen in if pain lasts more than a week or two, returns each "
            "time they run, or changes their stride. A sudden injury with rapid "
            "swelling, a visible deformity or an inability to bear weight needs "
            "same-day care.</p>"
        ),
        "author": "nora-castellan",
        "reviewer": None,
        "reviewed_days_ago": None,
        "categories": ["blog"],
        "tags": ["running", "teens", "sports injuries", "overuse injuries", "knee"],
        "published_days_ago": -6,
        "status": "scheduled",
        "image_colors": ("#bc4749", "#f2e8cf"),
        "image_alt": (
            "Abstract illustration in brick red and parchment with streaking diagonal "
            "shapes that suggest a runner's stride"
        ),
    },
    {
        "slug": "preparing-for-joint-replacement",
        "title": "Getting Ready for Joint Replacement: A Practical Checklist",
        "summary": (
            "Good preparation can make recovery from a hip or knee replacement "
            "smoother. Use this checklist to get your body, your home and your support "
            "team ready."
        ),
        "body": (
            "<p>Hip and knee replacements are among the most common operations in the "
            "United States, and most people who have one report less pain and better "
            "mobility afterward. Recovery still takes real work, and what you do in "
            "the weeks before surgery can shape how those first days at home go.</p>"
            "<h2>Prepare your body</h2>"
            "<ul><li><strong>Build strength.</strong> Exercise before surgery, "
            "sometimes called prehabilitation, can make it easier to get moving "
            "afterward. Your care team or a physical therapist can suggest a safe "
            "routine.</li>"
            "<li><strong>Stop smoking</strong> if you smoke. Even a few weeks without "
            "tobacco helps wounds heal.</li>"
            "<li><strong>Manage health conditions.</strong> For people with diabetes, "
            "well-controlled blood sugar lowers the risk of infection.</li>"
            "<li><strong>Review your medicines,</strong> including supplements and "
            "blood thinners. Some need to be paused, but only stop them as your "
            "doctors direct.</li>"
            "<li><strong>Take care of dental and skin problems</strong> ahead of time, "
            "since an infection elsewhere can reach the new joint.</li></ul>"
            "<h2>Prepare your home</h2>"
            "<ol><li>Clear walkways and remove loose rugs and cords.</li>"
            "<li>Add night lights between the bedroom and the bathroom.</li>"
            "<li>Move everyday items to counter height so you need not bend or "
            "climb.</li>"
            "<li>Consider a raised toilet seat, a shower chair and a handheld shower "
            "head.</li>"
            "<li>If your bedroom is upstairs, think about setting up a space on the "
            "main floor for the first week or two.</li>"
            "<li>Cook a few meals in advance and freeze them.</li></ol>"
            "<h2>Prepare your support team</h2>"
            "<p>Arrange for someone to drive you home and, ideally, to stay with you "
            "for the first few days. Line up help with errands, pets and laundry for "
            "the following weeks, since you will not be driving right away.</p>"
            "<h3>Questions to ask before surgery</h3>"
            "<ul><li>Will I stay in the hospital overnight, or go home the same "
            "day?</li>"
            "<li>What is my plan for managing pain?</li>"
            "<li>When does physical therapy start, and where?</li>"
            "<li>Which warning signs should prompt a call to the office?</li></ul>"
            "<p>For a look at the weeks after a knee operation, see "
            '<a href="/blog/recovery-after-knee-replacement/">recovery after knee '
            "replacement</a>.</p>"
            "<p>If you are still deciding whether a replacement is right for you, talk "
            "it through with your surgeon and your primary care clinician. The best "
            "timing depends on your symptoms, overall health and goals, not on an "
            "X-ray alone.</p>"
        ),
        "author": "nora-castellan",
        "reviewer": "julian-okafor",
        "reviewed_days_ago": 180,
        "categories": ["blog", "featured"],
        "tags": ["joint replacement", "knee replacement", "hip", "surgery", "knee"],
        "published_days_ago": 286,
        "status": "published",
        "image_colors": ("#1b4332", "#b7e4c7"),
        "image_alt": (
            "Abstract illustration in forest green and soft mint with neat stacked "
            "shapes that suggest a checklist"
        ),
    },
    {
        "slug": "recovery-after-knee-replacement",
        "title": "Recovery After Knee Replacement: The First Three Months",
        "summary": (
            "The weeks after a knee replacement are about managing swelling, regaining "
            "motion and rebuilding strength. Here is a realistic look at what recovery "
            "involves."
        ),
        "body": (
            "<p>Knee replacement can relieve arthritis pain and help people return to "
            "walking, travel and activities they had given up. Getting there takes "
            "steady effort. Knowing what is typical helps you stay patient and spot "
            "problems early.</p>"
            "<h2>The first two weeks</h2>"
            "<p>Most people start walking with a walker or crutches on the day of "
            "surgery or the next day. At home, the main jobs are to keep swelling and "
            "pain under control and to work on motion every day.</p>"
            "<ul><li>Take pain medicine as prescribed, timing doses before exercise "
            "sessions if your team suggests it.</li>"
            "<li>Raise the leg and use ice or a cold pack several times a day.</li>"
            "<li>Take short walks often rather than one long one.</li>"
            "<li>Keep the incision clean and dry, following your surgeon's "
            "instructions.</li></ul>"
            "<h2>Range of motion goals</h2>"
            "<p>Two motions matter most: <strong>straightening</strong> the knee fully "
            "and <strong>bending</strong> it. Avoid resting with a pillow under the "
            "knee, which can let it stiffen in a bent position. Many people aim to "
            "bend the knee to about 90 degrees within the first few weeks and keep "
            "improving from there. Your physical therapist will set targets that fit "
            "you.</p>"
            "<h2>Weeks three to twelve</h2>"
            "<p>As swelling settles, therapy shifts toward strength, balance and a "
            "normal walking pattern. Many people move from a walker to a cane and then "
            "to no aid at all. Driving usually resumes once you are off strong pain "
            "medicine and can move your foot quickly and safely; your surgeon will "
            "tell you when.</p>"
            "<p><em>Some swelling and warmth can last for months.</em> Full recovery, "
            "including strength and stamina, often takes up to a year.</p>"
            "<h3>When to call right away</h3>"
            "<ul><li>Fever, spreading redness, or drainage from the incision</li>"
            "<li>Pain, tenderness or new swelling in the calf</li>"
            "<li>Sudden shortness of breath or chest pain, which calls for "
            "911</li></ul>"
            "<p>If you are still in the planning stage, start with our "
            '<a href="/blog/preparing-for-joint-replacement/">checklist for getting '
            "ready</a>.</p>"
            "<p>Reach out to your surgical team if your motion stalls, if pain is "
            "climbing rather than easing from one week to the next, or if the knee "
            "feels unstable. Those questions are better asked early than saved for the "
            "next routine visit.</p>"
        ),
        "author": "maya-lindgren",
        "reviewer": "nora-castellan",
        "reviewed_days_ago": 412,
        "categories": ["blog"],
        "tags": [
            "knee",
            "knee replacement",
            "joint replacement",
            "physical therapy",
            "arthritis",
        ],
        "published_days_ago": 399,
        "status": "published",
        "image_colors": ("#14213d", "#fca311"),
        "image_alt": (
            "Abstract illustration in midnight blue and golden orange with a smooth "
            "curve gradually straightening, suggesting a knee regaining motion"
        ),
    },
    {
        "slug": "muscle-spasms-causes-relief",
        "title": "Muscle Spasms and Cramps: Causes and Simple Relief",
        "summary": (
            "A sudden muscle spasm can stop you in your tracks. Most are harmless and "
            "brief; here is how to ease them and when they may point to something else."
        ),
        "body": (
            "<p>A muscle spasm is an involuntary tightening of a muscle that you "
            "cannot relax at will. When it is sudden and painful, like the familiar "
            "knot in the calf that wakes people at night, it is usually called a "
            "cramp. Spasms can also show up as lingering tightness in the back or neck "
            "after a strain, as the body guards an irritated area.</p>"
            "<h2>Common triggers</h2>"
            "<ul><li>Overworking a muscle, especially one that is tired or out of "
            "condition</li>"
            "<li>Holding one position for a long time</li>"
            "<li>Exercising in the heat or getting dehydrated</li>"
            "<li>A recent strain or sprain nearby</li>"
            "<li>Pregnancy and older age, both linked to more frequent leg cramps</li>"
            "<li>Some medicines, including certain water pills</li></ul>"
            "<p>Often no clear cause turns up, particularly with nighttime leg "
            "cramps.</p>"
            "<h2>Easing a cramp in the moment</h2>"
            "<ol><li>Gently stretch the muscle. For a calf cramp, straighten the knee "
            "and pull your toes toward you, or stand and lean into a wall.</li>"
            "<li>Massage the area with steady pressure.</li>"
            "<li>Walk around once the cramp lets go, which helps the muscle relax.</li>"
            "<li>Use heat for tight muscles, or a cold pack if the area is sore "
            "afterward.</li></ol>"
            "<h2>Back spasms</h2>"
            "<p>A spasm in the lower back can be intense, yet it is usually a "
            "protective response rather than a sign of serious damage. Gentle "
            "movement, heat and short walks tend to help more than lying still, and "
            "the pain usually settles over several days. Our article on "
            '<a href="/blog/desk-job-lower-back-pain/">lower back pain at a desk '
            "job</a> has ideas for keeping the back moving.</p>"
            "<h3>Prevention</h3>"
            "<p>Drink fluids through the day, especially in hot weather or during "
            "exercise. If night cramps are a pattern, try stretching your calves "
            "before bed, and build up new activities gradually. Reviewing your "
            "medicines with a clinician is sometimes worthwhile too.</p>"
            "<p>Frequent or severe cramps deserve a conversation with your clinician, "
            "as do spasms that come with muscle weakness or numbness, or cramps that "
            "began after starting a new medicine. A calf that is swollen, warm and "
            "tender, rather than briefly cramped, could signal a blood clot and needs "
            "prompt medical attention.</p>"
        ),
        "author": "julian-okafor",
        "reviewer": None,
        "reviewed_days_ago": None,
        "categories": ["blog"],
        "tags": ["muscle spasms", "back pain", "pain relief"],
        "published_days_ago": 3,
        "status": "draft",
        "image_colors": ("#9a031e", "#fde2e4"),
        "image_alt": (
            "Abstract illustration in deep crimson and blush pink with tightly coiled "
            "shapes, suggesting a muscle in spasm"
        ),
    },
    {
        "slug": "waltham-office-now-open",
        "title": "Our Waltham Office Is Now Open",
        "summary": (
            "Riverside Bone & Joint now sees patients at a second location in Waltham, "
            "with on-site X-ray, a physical therapy gym and free parking."
        ),
        "body": (
            "<p>We are glad to share that Riverside Bone &amp; Joint has opened a "
            "second office, in Waltham. The new location brings our orthopedic, spine "
            "and physical therapy services closer to patients west of Boston, many of "
            "whom told us that the drive into Cambridge made follow-up visits hard to "
            "fit around work and school.</p>"
            "<h2>What you will find there</h2>"
            "<ul><li>Exam rooms for new and returning patients of our orthopedic and "
            "spine physicians</li>"
            "<li>On-site X-ray, so most imaging can happen during the same visit</li>"
            "<li>A physical therapy gym with room for balance, strength and "
            "return-to-sport training</li>"
            "<li>Free parking beside the building and a step-free entrance</li></ul>"
            "<h2>Address and hours</h2>"
            "<p>You will find us at 400 Lantern Mill Road, Building B, in Waltham. The "
            "phone number is (781) 555-0142. The office is open Monday through "
            "Thursday from 7:30 am to 6:00 pm and on Friday from 7:30 am to 4:00 pm. "
            "We chose early and late times with working patients and students in "
            "mind.</p>"
            "<h2>Will my care change?</h2>"
            "<p>No. Both offices share one set of medical records, and you can see the "
            "same clinicians at either location, depending on their schedules. When "
            "you request a visit online, simply choose the office that suits you. If "
            "you are already in physical therapy in Cambridge, ask your therapist "
            "whether moving some sessions to Waltham would be easier.</p>"
            "<p>Our Cambridge office keeps its usual weekday hours, and the team there "
            "is still happy to see you.</p>"
            "<h3>A note about emergencies</h3>"
            "<p>Neither office is an emergency department. For a severe injury, such "
            "as a bone that looks out of place, a wound with bone showing, or an arm "
            "or leg that is numb and cold, call 911 or go to the nearest emergency "
            "room.</p>"
            "<p>If a joint, back or sports problem has been nagging at you for a "
            "while, this may be a good moment to have it looked at closer to home. Our "
            "team can help you decide whether a physician visit, physical therapy or "
            "both would serve you best.</p>"
        ),
        "author": "julian-okafor",
        "reviewer": None,
        "reviewed_days_ago": None,
        "categories": ["news"],
        "tags": ["clinic news", "locations", "physical therapy"],
        "published_days_ago": 41,
        "status": "published",
        "image_colors": ("#0077b6", "#caf0f8"),
        "image_alt": (
            "Abstract illustration in bright blue and ice blue with soft rectangles "
            "and circles that suggest a new building opening its doors"
        ),
    },
    {
        "slug": "saturday-injury-hours-cambridge",
        "title": "New Saturday Morning Hours in Cambridge, and How to Know Where to Go",
        "summary": (
            "Our Cambridge office is now open Saturdays from 9 am to noon for sprains, "
            "strains and other bone and joint problems. Here is what we can help with, "
            "and when the emergency room is the better choice."
        ),
        "body": (
            "<p>Injuries do not keep office hours. Our Cambridge office is now open on "
            "Saturdays from 9:00 am to 12:00 pm, with time set aside for injuries from "
            "the past week or from Friday night's game.</p>"
            "<h2>What Saturday visits are for</h2>"
            "<p>Saturday mornings are a good fit for recent bone, joint and muscle "
            "problems that hurt but are not an emergency. For example:</p>"
            "<ul><li>Ankle and wrist sprains</li>"
            "<li>A knee that twisted and swelled</li>"
            "<li>Muscle strains in the back, thigh or calf</li>"
            "<li>A possible broken finger or toe without an open wound</li>"
            "<li>A flare of ongoing joint pain that cannot wait until Monday</li></ul>"
            "<p>X-rays are available on site. Our clinicians can fit splints, braces "
            "and crutches and arrange follow-up with the right specialist.</p>"
            "<h2>When to go to the emergency room instead</h2>"
            "<p>Some injuries need hospital care right away. <strong>Call 911 or go to "
            "an emergency department</strong> if you notice any of these:</p>"
            "<ul><li>Bone showing through the skin, or heavy bleeding</li>"
            "<li>An arm or leg that is clearly bent or out of place</li>"
            "<li>Numbness, coldness, or a pale or bluish color below the injury</li>"
            "<li>A head, neck or back injury, especially with weakness or tingling</li>"
            "<li>Chest pain, trouble breathing or confusion</li></ul>"
            "<blockquote><p>After a hard fall or a collision, if you are not sure how "
            "serious it is, choose the emergency room. We would much rather you be "
            "checked there first than wait for a Saturday visit.</p></blockquote>"
            "<h2>What to bring</h2>"
            "<ol><li>A photo ID and your insurance card</li>"
            "<li>A list of your medicines and allergies</li>"
            "<li>Any brace, splint or imaging you already have</li>"
            "<li>Loose clothing that moves easily out of the way</li></ol>"
            "<p>For home care after a rolled ankle, read our guide to "
            '<a href="/blog/ankle-sprain-first-days/">the first days after a '
            "sprain</a>.</p>"
            "<p>Unsure whether an injury can wait until Saturday? Call our Cambridge "
            "office at (617) 555-0110 during weekday hours and we will help you sort "
            "it out. Pain that keeps building, a joint that will not hold your weight, "
            "or swelling that has not improved after a day or two of rest are all good "
            "reasons to be seen soon.</p>"
        ),
        "author": "nora-castellan",
        "reviewer": None,
        "reviewed_days_ago": None,
        "categories": ["blog", "featured", "news"],
        "tags": ["clinic news", "sports injuries", "ankle", "urgent care"],
        "published_days_ago": 12,
        "status": "published",
        "image_colors": ("#e76f51", "#f6e7cb"),
        "image_alt": (
            "Abstract illustration in coral and warm cream with a rising sun shape, "
            "suggesting an early Saturday morning"
        ),
    },
]
