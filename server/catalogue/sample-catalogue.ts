// SAMPLE DATA, not an official list: procedures as a ward centre's catalogue typically reads,
// so the look-up works on a fresh install. Codes, times and fees are plausible and follow the
// usual patterns of the national portal, but a centre must import its own published catalogue
// (the province's decision announcing its procedures) before citizens rely on it.
import type { Procedure } from '@protocol/catalogue';

const same = 'Ngay trong ngày làm việc; hồ sơ nhận sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo';
const copyFee = '2.000 đồng/trang; từ trang thứ ba trở lên 1.000 đồng/trang, tối đa 200.000 đồng/bản';
const provincialFee = 'Theo mức do Hội đồng nhân dân tỉnh quy định';
const residenceForm = 'Tờ khai thay đổi thông tin cư trú (Mẫu CT01)';
const idShown = 'Giấy tờ tùy thân của người yêu cầu (xuất trình)';

const procedures: Omit<Procedure, 'portalUrl'>[] = [
  // Hộ tịch
  {
    code: '1.001193', serviceId: 'ho-tich', level: 'Toàn trình', name: 'Đăng ký khai sinh', processingTime: same,
    fees: 'Miễn lệ phí khi đăng ký đúng hạn (trong 60 ngày kể từ ngày sinh)',
    papers: ['Tờ khai đăng ký khai sinh (theo mẫu)', 'Giấy chứng sinh; nếu không có thì văn bản của người làm chứng hoặc giấy cam đoan về việc sinh', 'Giấy tờ tùy thân của người đi đăng ký (xuất trình)', 'Giấy chứng nhận kết hôn của cha, mẹ (xuất trình, nếu có)'],
  },
  {
    code: '1.014793', serviceId: 'ho-tich', level: 'Toàn trình',
    name: 'Liên thông thủ tục hành chính về đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi',
    processingTime: 'Không quá 05 ngày làm việc cho cả ba việc', fees: 'Miễn lệ phí',
    papers: ['Tờ khai điện tử liên thông (trên Cổng Dịch vụ công quốc gia hoặc ứng dụng VNeID)', 'Bản chụp Giấy chứng sinh', 'Bản chụp Giấy chứng nhận kết hôn của cha, mẹ (nếu có)'],
  },
  {
    code: '1.000894', serviceId: 'ho-tich', level: 'Một phần', name: 'Đăng ký kết hôn',
    processingTime: 'Ngay trong ngày tiếp nhận; trường hợp cần xác minh thì không quá 05 ngày làm việc', fees: 'Miễn lệ phí',
    papers: ['Tờ khai đăng ký kết hôn (theo mẫu)', 'Giấy xác nhận tình trạng hôn nhân (nếu đăng ký tại nơi không thường trú)', 'Giấy tờ tùy thân của hai bên nam, nữ (xuất trình)'],
  },
  {
    code: '1.000656', serviceId: 'ho-tich', level: 'Toàn trình', name: 'Đăng ký khai tử',
    processingTime: 'Ngay trong ngày làm việc; trường hợp cần xác minh thì không quá 03 ngày làm việc',
    fees: 'Miễn lệ phí khi đăng ký đúng hạn (trong 15 ngày kể từ ngày chết)',
    papers: ['Tờ khai đăng ký khai tử (theo mẫu)', 'Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử', 'Giấy tờ tùy thân của người đi đăng ký (xuất trình)'],
  },
  {
    code: '2.000635', serviceId: 'ho-tich', level: 'Toàn trình', name: 'Cấp bản sao trích lục hộ tịch', processingTime: same,
    fees: '8.000 đồng/bản sao trích lục',
    papers: ['Tờ khai cấp bản sao trích lục hộ tịch (theo mẫu)', 'Văn bản ủy quyền (nếu nộp thay người khác)'],
  },
  {
    code: '1.004873', serviceId: 'ho-tich', level: 'Toàn trình', name: 'Cấp Giấy xác nhận tình trạng hôn nhân',
    processingTime: '03 ngày làm việc', fees: provincialFee,
    papers: ['Tờ khai cấp Giấy xác nhận tình trạng hôn nhân (theo mẫu)', 'Bản án, quyết định ly hôn hoặc giấy chứng tử của vợ, chồng (nếu đã từng kết hôn)'],
  },
  {
    code: '1.004859', serviceId: 'ho-tich', level: 'Một phần', name: 'Đăng ký lại khai sinh',
    processingTime: '05 ngày làm việc; trường hợp cần xác minh thì không quá 20 ngày', fees: provincialFee,
    papers: ['Tờ khai đăng ký lại khai sinh (theo mẫu)', 'Bản sao giấy tờ có nội dung khai sinh (hồ sơ học tập, hồ sơ cán bộ, giấy tờ cư trú…)', 'Văn bản cam đoan đã đăng ký khai sinh nhưng không còn lưu giữ được bản chính Giấy khai sinh'],
  },
  {
    code: '1.001022', serviceId: 'ho-tich', level: 'Một phần', name: 'Đăng ký nhận cha, mẹ, con',
    processingTime: '03 ngày làm việc; trường hợp cần xác minh thì không quá 05 ngày làm việc', fees: provincialFee,
    papers: ['Tờ khai đăng ký nhận cha, mẹ, con (theo mẫu)', 'Văn bản của cơ quan y tế hoặc cơ quan giám định xác nhận quan hệ cha, mẹ, con, hoặc chứng cứ khác chứng minh quan hệ'],
  },
  {
    code: '1.004837', serviceId: 'ho-tich', level: 'Một phần', name: 'Đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch',
    processingTime: '03 ngày làm việc; trường hợp cần xác minh thì không quá 06 ngày làm việc', fees: provincialFee,
    papers: ['Tờ khai đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch (theo mẫu)', 'Bản chính giấy tờ hộ tịch cần thay đổi, cải chính', 'Giấy tờ làm căn cứ cho việc thay đổi, cải chính, bổ sung'],
  },
  {
    code: '1.000689', serviceId: 'ho-tich', level: 'Một phần', name: 'Đăng ký giám hộ',
    processingTime: '03 ngày làm việc', fees: 'Miễn lệ phí',
    papers: ['Tờ khai đăng ký giám hộ (theo mẫu)', 'Văn bản cử người giám hộ hoặc giấy tờ chứng minh điều kiện giám hộ đương nhiên'],
  },
  // Chứng thực
  {
    code: '2.000815', serviceId: 'chung-thuc', level: 'Một phần',
    name: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam cấp hoặc chứng nhận',
    processingTime: same, fees: copyFee,
    papers: ['Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao', 'Bản sao cần chứng thực (nếu người yêu cầu tự chuẩn bị)'],
  },
  {
    code: '2.000884', serviceId: 'chung-thuc', level: 'Cung cấp thông tin', name: 'Chứng thực chữ ký trong các giấy tờ, văn bản',
    processingTime: same, fees: '10.000 đồng/trường hợp',
    papers: ['Giấy tờ tùy thân còn giá trị sử dụng (xuất trình)', 'Giấy tờ, văn bản cần chứng thực chữ ký (người yêu cầu ký trước mặt người thực hiện chứng thực)'],
  },
  {
    code: '2.000843', serviceId: 'chung-thuc', level: 'Cung cấp thông tin', name: 'Chứng thực chữ ký người dịch mà người dịch là cộng tác viên dịch thuật',
    processingTime: same, fees: '10.000 đồng/trường hợp',
    papers: ['Bản dịch đính kèm bản sao giấy tờ, văn bản cần dịch', 'Giấy tờ tùy thân của người dịch (xuất trình)'],
  },
  {
    code: '2.001035', serviceId: 'chung-thuc', level: 'Cung cấp thông tin', name: 'Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản',
    processingTime: 'Trong ngày tiếp nhận; hợp đồng phức tạp thì không quá 02 ngày làm việc', fees: '50.000 đồng/hợp đồng, giao dịch',
    papers: ['Dự thảo hợp đồng, giao dịch', idShown, 'Bản sao giấy tờ chứng minh quyền sở hữu, quyền sử dụng tài sản (kèm bản chính để đối chiếu)'],
  },
  {
    code: '2.001019', serviceId: 'chung-thuc', level: 'Cung cấp thông tin', name: 'Chứng thực di chúc',
    processingTime: 'Trong ngày tiếp nhận; trường hợp phức tạp thì không quá 02 ngày làm việc', fees: '50.000 đồng/di chúc',
    papers: ['Dự thảo di chúc', 'Giấy tờ tùy thân của người lập di chúc (xuất trình)', 'Bản sao giấy tờ chứng minh quyền sở hữu, quyền sử dụng tài sản (nếu di chúc định đoạt tài sản)'],
  },
  {
    code: '2.001016', serviceId: 'chung-thuc', level: 'Cung cấp thông tin', name: 'Chứng thực văn bản thỏa thuận phân chia di sản mà di sản là động sản, quyền sử dụng đất, nhà ở',
    processingTime: 'Không quá 02 ngày làm việc', fees: '50.000 đồng/văn bản',
    papers: ['Dự thảo văn bản thỏa thuận phân chia di sản', 'Bản sao giấy chứng tử hoặc giấy tờ chứng minh người để lại di sản đã chết', 'Giấy tờ chứng minh quan hệ giữa người để lại di sản và người được hưởng di sản', 'Giấy tờ tùy thân của những người thỏa thuận (xuất trình)'],
  },
  {
    code: '2.000913', serviceId: 'chung-thuc', level: 'Một phần', name: 'Cấp bản sao có chứng thực từ bản chính hợp đồng, giao dịch đã được chứng thực',
    processingTime: same, fees: copyFee,
    papers: [idShown, 'Văn bản chứng minh quyền được cấp bản sao (nếu không phải là bên tham gia hợp đồng, giao dịch)'],
  },
  // Đất đai
  {
    code: '1.012756', serviceId: 'dat-dai', level: 'Một phần',
    name: 'Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất lần đầu',
    processingTime: 'Không quá 20 ngày làm việc (không kể thời gian niêm yết, xác minh và thực hiện nghĩa vụ tài chính)',
    fees: 'Lệ phí cấp Giấy chứng nhận và phí thẩm định hồ sơ theo mức do Hội đồng nhân dân tỉnh quy định; nghĩa vụ tài chính về đất theo thông báo của cơ quan thuế',
    papers: ['Đơn đăng ký đất đai, tài sản gắn liền với đất (Mẫu số 04/ĐK)', 'Giấy tờ về quyền sử dụng đất (nếu có)', 'Mảnh trích đo bản đồ địa chính thửa đất (nếu có)', 'Chứng từ thực hiện nghĩa vụ tài chính hoặc giấy tờ miễn, giảm (nếu có)'],
  },
  {
    code: '1.012798', serviceId: 'dat-dai', level: 'Một phần', name: 'Chuyển mục đích sử dụng đất đối với cá nhân',
    processingTime: 'Không quá 15 ngày làm việc (không kể thời gian thực hiện nghĩa vụ tài chính)',
    fees: 'Tiền sử dụng đất theo thông báo của cơ quan thuế; phí thẩm định hồ sơ theo mức do Hội đồng nhân dân tỉnh quy định',
    papers: ['Đơn xin chuyển mục đích sử dụng đất (theo mẫu)', 'Bản gốc Giấy chứng nhận quyền sử dụng đất'],
  },
  {
    code: '1.012830', serviceId: 'dat-dai', level: 'Cung cấp thông tin', name: 'Hòa giải tranh chấp đất đai',
    processingTime: 'Không quá 30 ngày kể từ ngày nhận đơn', fees: 'Không thu phí',
    papers: ['Đơn yêu cầu hòa giải tranh chấp đất đai', 'Giấy tờ, tài liệu liên quan đến thửa đất đang tranh chấp (nếu có)'],
  },
  {
    code: '1.012814', serviceId: 'dat-dai', level: 'Một phần', name: 'Xác nhận tiếp tục sử dụng đất nông nghiệp của cá nhân khi hết hạn sử dụng đất',
    processingTime: 'Không quá 05 ngày làm việc', fees: provincialFee,
    papers: ['Đơn đề nghị xác nhận tiếp tục sử dụng đất nông nghiệp (theo mẫu)', 'Bản gốc Giấy chứng nhận quyền sử dụng đất'],
  },
  // Văn phòng đăng ký đất đai
  {
    code: '1.012777', serviceId: 'vpdk-dat-dai', level: 'Một phần',
    name: 'Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất do chuyển nhượng, tặng cho, thừa kế',
    processingTime: 'Không quá 10 ngày làm việc (không kể thời gian thực hiện nghĩa vụ tài chính)',
    fees: 'Lệ phí trước bạ và thuế thu nhập cá nhân theo thông báo của cơ quan thuế; phí thẩm định hồ sơ và lệ phí cấp Giấy chứng nhận theo mức do Hội đồng nhân dân tỉnh quy định',
    papers: ['Đơn đăng ký biến động đất đai, tài sản gắn liền với đất (Mẫu số 11/ĐK)', 'Hợp đồng, văn bản chuyển nhượng, tặng cho hoặc văn bản thừa kế đã công chứng, chứng thực', 'Bản gốc Giấy chứng nhận đã cấp', 'Tờ khai thuế thu nhập cá nhân và tờ khai lệ phí trước bạ'],
  },
  {
    code: '1.012790', serviceId: 'vpdk-dat-dai', level: 'Một phần', name: 'Cấp đổi Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất',
    processingTime: 'Không quá 07 ngày làm việc', fees: provincialFee,
    papers: ['Đơn đăng ký biến động đất đai, tài sản gắn liền với đất (Mẫu số 11/ĐK)', 'Bản gốc Giấy chứng nhận đã cấp', 'Mảnh trích đo bản đồ địa chính (nếu cấp đổi do đo đạc lại)'],
  },
  {
    code: '1.012815', serviceId: 'vpdk-dat-dai', level: 'Toàn trình', name: 'Xóa đăng ký thế chấp quyền sử dụng đất, tài sản gắn liền với đất',
    processingTime: same, fees: 'Miễn phí',
    papers: ['Phiếu yêu cầu xóa đăng ký biện pháp bảo đảm (theo mẫu)', 'Văn bản đồng ý xóa đăng ký của bên nhận thế chấp (nếu người yêu cầu là bên thế chấp)', 'Bản gốc Giấy chứng nhận đã cấp'],
  },
  // Xây dựng
  {
    code: '1.009994', serviceId: 'xay-dung', level: 'Một phần', name: 'Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ',
    processingTime: '15 ngày kể từ ngày nhận đủ hồ sơ hợp lệ', fees: 'Lệ phí cấp giấy phép xây dựng: 75.000 đồng/giấy phép (theo mức do Hội đồng nhân dân tỉnh quy định)',
    papers: ['Đơn đề nghị cấp giấy phép xây dựng (Mẫu số 01)', 'Bản sao giấy tờ chứng minh quyền sử dụng đất', '02 bộ bản vẽ thiết kế xây dựng: mặt bằng, mặt cắt, mặt đứng, móng và đấu nối hạ tầng kỹ thuật', 'Bản kê khai năng lực, kinh nghiệm của tổ chức, cá nhân thiết kế (nếu công trình phải có thiết kế của đơn vị có năng lực)'],
  },
  {
    code: '1.009995', serviceId: 'xay-dung', level: 'Một phần', name: 'Cấp giấy phép sửa chữa, cải tạo đối với nhà ở riêng lẻ',
    processingTime: '15 ngày kể từ ngày nhận đủ hồ sơ hợp lệ', fees: 'Lệ phí cấp giấy phép xây dựng: 75.000 đồng/giấy phép (theo mức do Hội đồng nhân dân tỉnh quy định)',
    papers: ['Đơn đề nghị cấp giấy phép sửa chữa, cải tạo (theo mẫu)', 'Bản sao giấy tờ chứng minh quyền sử dụng đất, quyền sở hữu nhà ở', 'Bản vẽ hiện trạng và bản vẽ thiết kế sửa chữa, cải tạo', 'Ảnh chụp hiện trạng công trình (kích thước 10 × 15 cm)'],
  },
  {
    code: '1.009997', serviceId: 'xay-dung', level: 'Toàn trình', name: 'Gia hạn giấy phép xây dựng đối với nhà ở riêng lẻ',
    processingTime: '05 ngày làm việc', fees: '15.000 đồng/giấy phép (theo mức do Hội đồng nhân dân tỉnh quy định)',
    papers: ['Đơn đề nghị gia hạn giấy phép xây dựng (theo mẫu)', 'Bản chính giấy phép xây dựng đã được cấp'],
  },
  // Đăng ký kinh doanh
  {
    code: '2.000575', serviceId: 'kinh-doanh', level: 'Toàn trình', name: 'Đăng ký thành lập hộ kinh doanh',
    processingTime: '03 ngày làm việc', fees: 'Lệ phí theo mức do Hội đồng nhân dân tỉnh quy định; nhiều địa phương miễn khi nộp trực tuyến',
    papers: ['Giấy đề nghị đăng ký hộ kinh doanh (theo mẫu)', 'Bản sao biên bản họp thành viên hộ gia đình về việc thành lập hộ kinh doanh (nếu các thành viên gia đình cùng đăng ký)', 'Bản sao hợp đồng thuê, mượn địa điểm kinh doanh (nếu có)'],
  },
  {
    code: '2.000720', serviceId: 'kinh-doanh', level: 'Toàn trình', name: 'Đăng ký thay đổi nội dung đăng ký hộ kinh doanh',
    processingTime: '03 ngày làm việc', fees: 'Lệ phí theo mức do Hội đồng nhân dân tỉnh quy định; nhiều địa phương miễn khi nộp trực tuyến',
    papers: ['Thông báo thay đổi nội dung đăng ký hộ kinh doanh (theo mẫu)', 'Bản gốc Giấy chứng nhận đăng ký hộ kinh doanh (nếu chuyển địa điểm sang xã, phường khác)'],
  },
  {
    code: '2.000583', serviceId: 'kinh-doanh', level: 'Toàn trình', name: 'Tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn đã thông báo của hộ kinh doanh',
    processingTime: '03 ngày làm việc', fees: 'Miễn lệ phí',
    papers: ['Thông báo tạm ngừng kinh doanh hoặc tiếp tục kinh doanh trước thời hạn (theo mẫu)'],
  },
  {
    code: '2.000565', serviceId: 'kinh-doanh', level: 'Toàn trình', name: 'Chấm dứt hoạt động hộ kinh doanh',
    processingTime: '03 ngày làm việc', fees: 'Miễn lệ phí',
    papers: ['Thông báo chấm dứt hoạt động hộ kinh doanh (theo mẫu)', 'Thông báo của cơ quan thuế về việc hoàn thành nghĩa vụ thuế', 'Bản gốc Giấy chứng nhận đăng ký hộ kinh doanh'],
  },
  // Lao động – Thương binh – Xã hội (bảo trợ xã hội)
  {
    code: '1.001776', serviceId: 'bao-tro-xa-hoi', level: 'Một phần', name: 'Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hằng tháng, hỗ trợ kinh phí chăm sóc, nuôi dưỡng hằng tháng',
    processingTime: 'Không quá 20 ngày làm việc (gồm thời gian xét duyệt và niêm yết công khai)', fees: 'Không thu phí',
    papers: ['Tờ khai đề nghị trợ giúp xã hội (theo mẫu của từng đối tượng: người cao tuổi, người khuyết tật, trẻ em…)', 'Bản sao Giấy xác nhận khuyết tật (đối với người khuyết tật)', 'Bản sao Giấy khai sinh (đối với trẻ em)'],
  },
  {
    code: '1.001699', serviceId: 'bao-tro-xa-hoi', level: 'Một phần', name: 'Xác định, xác định lại mức độ khuyết tật và cấp Giấy xác nhận khuyết tật',
    processingTime: 'Không quá 25 ngày làm việc', fees: 'Không thu phí',
    papers: ['Đơn đề nghị xác định, xác định lại mức độ khuyết tật (theo mẫu)', 'Bản sao bệnh án, giấy khám, điều trị, phẫu thuật hoặc giấy tờ liên quan khác (nếu có)'],
  },
  {
    code: '1.001731', serviceId: 'bao-tro-xa-hoi', level: 'Một phần', name: 'Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội',
    processingTime: 'Không quá 05 ngày làm việc', fees: 'Không thu phí',
    papers: ['Tờ khai đề nghị hỗ trợ chi phí mai táng (theo mẫu)', 'Bản sao giấy chứng tử hoặc trích lục khai tử', 'Bản sao quyết định hưởng trợ cấp xã hội của người đã chết (nếu có)'],
  },
  {
    code: '1.010801', serviceId: 'bao-tro-xa-hoi', level: 'Một phần', name: 'Công nhận hộ nghèo, hộ cận nghèo phát sinh trong năm',
    processingTime: 'Không quá 10 ngày làm việc', fees: 'Không thu phí',
    papers: ['Giấy đề nghị xét duyệt hộ nghèo, hộ cận nghèo (theo mẫu)'],
  },
  // Tư pháp
  {
    code: '2.000930', serviceId: 'tu-phap', level: 'Cung cấp thông tin', name: 'Công nhận hòa giải viên',
    processingTime: '05 ngày làm việc', fees: 'Không thu phí',
    papers: ['Văn bản đề xuất công nhận hòa giải viên của Trưởng ban công tác Mặt trận ở thôn, tổ dân phố', 'Biên bản bầu hòa giải viên'],
  },
  {
    code: '2.000950', serviceId: 'tu-phap', level: 'Cung cấp thông tin',
    name: 'Thực hiện hỗ trợ khi hòa giải viên gặp tai nạn hoặc rủi ro ảnh hưởng đến sức khỏe, tính mạng trong khi thực hiện hoạt động hòa giải',
    processingTime: '05 ngày làm việc', fees: 'Không thu phí',
    papers: ['Giấy đề nghị hỗ trợ (theo mẫu)', 'Biên bản xác nhận tai nạn của tổ hòa giải hoặc Ủy ban nhân dân cấp xã', 'Giấy tờ chứng minh chi phí cứu chữa, điều trị'],
  },
  // Công an (cư trú)
  {
    code: '1.004194', serviceId: 'cong-an', level: 'Toàn trình', name: 'Đăng ký thường trú',
    processingTime: '07 ngày làm việc', fees: '20.000 đồng/lần; nộp trực tuyến 10.000 đồng/lần',
    papers: [residenceForm, 'Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp', 'Văn bản đồng ý của chủ hộ, chủ sở hữu chỗ ở hợp pháp (nếu đăng ký vào chỗ ở không thuộc quyền sở hữu của mình)'],
  },
  {
    code: '1.004222', serviceId: 'cong-an', level: 'Toàn trình', name: 'Đăng ký tạm trú',
    processingTime: '03 ngày làm việc', fees: '15.000 đồng/lần; nộp trực tuyến 7.000 đồng/lần',
    papers: [residenceForm, 'Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp', 'Văn bản đồng ý của chủ hộ, chủ sở hữu chỗ ở hợp pháp (nếu có)'],
  },
  {
    code: '1.004217', serviceId: 'cong-an', level: 'Toàn trình', name: 'Gia hạn tạm trú',
    processingTime: '03 ngày làm việc', fees: '15.000 đồng/lần; nộp trực tuyến 7.000 đồng/lần',
    papers: [residenceForm],
  },
  {
    code: '1.004206', serviceId: 'cong-an', level: 'Toàn trình', name: 'Khai báo tạm vắng',
    processingTime: '02 ngày làm việc', fees: 'Miễn lệ phí',
    papers: ['Đề nghị khai báo tạm vắng (theo mẫu hoặc khai trực tuyến)'],
  },
  // Bảo hiểm xã hội
  {
    code: '1.011830', serviceId: 'bhxh', level: 'Toàn trình', name: 'Cấp lại, đổi, điều chỉnh thông tin trên thẻ bảo hiểm y tế',
    processingTime: '03 ngày làm việc; trường hợp điều chỉnh thông tin thì không quá 07 ngày làm việc', fees: 'Không thu phí',
    papers: ['Tờ khai tham gia, điều chỉnh thông tin bảo hiểm xã hội, bảo hiểm y tế (Mẫu TK1-TS)', 'Giấy tờ chứng minh thông tin cần điều chỉnh (nếu điều chỉnh nhân thân)'],
  },
  {
    code: '1.011825', serviceId: 'bhxh', level: 'Toàn trình', name: 'Đăng ký tham gia bảo hiểm xã hội tự nguyện',
    processingTime: '05 ngày làm việc', fees: 'Không thu phí',
    papers: ['Tờ khai tham gia, điều chỉnh thông tin bảo hiểm xã hội, bảo hiểm y tế (Mẫu TK1-TS)'],
  },
  {
    code: '1.011842', serviceId: 'bhxh', level: 'Một phần', name: 'Giải quyết hưởng bảo hiểm xã hội một lần',
    processingTime: '10 ngày làm việc', fees: 'Không thu phí',
    papers: ['Sổ bảo hiểm xã hội', 'Đơn đề nghị hưởng bảo hiểm xã hội một lần (Mẫu 14-HSB)'],
  },
  // Thuế
  {
    code: '1.007707', serviceId: 'thue', level: 'Toàn trình', name: 'Đăng ký thuế lần đầu đối với hộ kinh doanh, cá nhân kinh doanh',
    processingTime: '03 ngày làm việc', fees: 'Không thu phí',
    papers: ['Tờ khai đăng ký thuế (Mẫu 03-ĐK-TCT)', 'Bản sao Giấy chứng nhận đăng ký hộ kinh doanh (nếu có)'],
  },
  {
    code: '1.007735', serviceId: 'thue', level: 'Toàn trình', name: 'Khai lệ phí trước bạ nhà, đất',
    processingTime: 'Thông báo nộp lệ phí trước bạ trong 03 ngày làm việc', fees: 'Lệ phí trước bạ: 0,5% giá tính lệ phí trước bạ',
    papers: ['Tờ khai lệ phí trước bạ (Mẫu 01/LPTB)', 'Bản sao giấy tờ chứng minh nhà, đất có nguồn gốc hợp pháp', 'Bản sao hợp đồng chuyển nhượng, tặng cho hoặc văn bản thừa kế (nếu có)'],
  },
  // Quân sự
  {
    code: '1.010803', serviceId: 'quan-su', level: 'Cung cấp thông tin', name: 'Đăng ký nghĩa vụ quân sự lần đầu',
    processingTime: 'Ngay trong ngày làm việc', fees: 'Không thu phí',
    papers: ['Phiếu tự khai sức khỏe nghĩa vụ quân sự (theo mẫu)', 'Bản chụp văn bằng, chứng chỉ (nếu có)'],
  },
];

const portalPage = (code: string) => `https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=${code}`;

/** Used while <dataDir>/catalogue.json does not exist. */
export const sampleProcedures: readonly Procedure[] = procedures.map((p) => ({ ...p, portalUrl: portalPage(p.code) }));
