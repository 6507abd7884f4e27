-- Default keyword taxonomy. Keywords are lowercase; 'refund*' is a prefix, 'credit card' a phrase.
-- Position is the priority on ties (lower wins). 'general' is the fallback topic and is not stored.
insert into topic (name, keywords, position) values
    ('billing', array[
        'invoice*', 'bill', 'bills', 'billed', 'billing', 'charge', 'charges', 'charged', 'overcharg*',
        'refund*', 'price*', 'pricing', 'overpriced', 'cheaper', 'cost', 'costs', 'fee', 'fees',
        'payment*', 'pay', 'paid', 'paying', 'subscription*', 'renewal*', 'credit card', 'debit card',
        'direct debit', 'declined', 'transaction*', 'statement*', 'receipt*', 'vat', 'money',
        'discount*', 'coupon*', 'voucher*', 'promo code', 'checkout'], 1),
    ('delivery', array[
        'deliver*', 'redeliver*', 'ship*', 'courier*', 'parcel*', 'package*', 'packaging', 'tracking', 'tracked',
        'arriv*', 'driver*', 'dispatch*', 'transit', 'carrier*', 'postage', 'postman', 'post office',
        'in the post', 'damaged', 'address', 'wrong address', 'collection point', 'pick up', 'pickup', 'depot',
        'doorstep', 'doorbell', 'signed for', 'safe place', 'warehouse', 'dhl', 'dpd', 'fedex',
        'royal mail', 'evri', 'hermes'], 2),
    ('product', array[
        'product*', 'app', 'apps', 'feature*', 'quality', 'defect*', 'faulty', 'broke', 'broken',
        'crash*', 'bug*', 'glitch*', 'freez*', 'froze', 'slow', 'performance', 'battery', 'update*',
        'version*', 'model*', 'design*', 'website', 'site', 'load*', 'screen', 'button*', 'install*',
        'size*', 'fit', 'fabric', 'material*', 'colour*', 'color*', 'fade*', 'leak*', 'durab*',
        'device*', 'function*', 'stopped working', 'fell apart'], 3),
    ('support', array[
        'support', 'customer service', 'customer support', 'customer care', 'agent*', 'staff',
        'representative*', 'advisor*', 'adviser*', 'call centre', 'call center', 'helpline', 'hotline',
        'helpdesk', 'help desk', 'chat*', 'ticket*', 'on hold', 'waiting time*', 'wait time*',
        'call back', 'callback', 'called', 'emailed', 'replied', 'reply', 'replies', 'respon*',
        'answer*', 'transferr*', 'escalat*', 'complaint*', 'rude*', 'unhelpful', 'helpful', 'manager',
        'supervisor', 'spoke', 'speak to', 'on the phone'], 4),
    ('account', array[
        'account*', 'log in', 'login*', 'logged', 'logging in', 'log out', 'logout', 'sign in',
        'signin', 'sign up', 'signup', 'register*', 'registration', 'password*', 'username*',
        'profile*', 'two-factor', '2fa', 'mfa', 'authenticat*', 'verification', 'verification code', 'verify', 'locked out',
        'locked', 'reset', 'email address', 'personal data', 'my data', 'gdpr', 'credentials', 'otp',
        'security question*', 'deactivat*'], 5);
